/**
 * Who exists in the simulated Pleo: organisations, companies and the credentials issued to them.
 *
 * These identities are fixed (not random) so that the README, the demo personas and the tests can name
 * them. The secrets are fake: they exist only inside the simulator, which never leaves loopback.
 * The group mirrors the example in Pleo's multi-entity documentation ("Love Crème Brûlée Group":
 * one organisation, three companies in NL, DE and BE) plus a single-company organisation.
 */

export type SimCountry = "NL" | "DE" | "BE" | "GB";

export interface SimOrganisation {
  readonly id: string;
  readonly name: string;
}

export interface SimCompanyIdentity {
  readonly id: string;
  readonly slug: string;
  readonly organisationId: string;
  readonly name: string;
  readonly registrationNumber: string;
  readonly country: SimCountry;
  readonly currency: "EUR" | "GBP";
  readonly address: {
    readonly addressLine1: string;
    readonly addressLine2?: string;
    readonly locality: string;
    readonly postalCode: string;
    readonly region?: string;
    readonly country: SimCountry;
  };
}

/** Every scope Pleo documents, plus the unconfirmed `accounting-entries:read`. */
export const ALL_SCOPES = [
  "accounts:read",
  "accounts:write",
  "accounting-entries:read",
  "companies:read",
  "export-items:read",
  "export-jobs:read",
  "export-jobs:write",
  "tag-groups:read",
  "tag-groups:write",
  "tax-codes:read",
  "tax-codes:write",
  "users:read",
  "vendors:read",
  "vendors:write",
] as const;
export type PleoScope = (typeof ALL_SCOPES)[number];

export type SimCredentialKind = "apiKey" | "accessToken";

export interface SimCredential {
  /** Stable label used by tests and personas; never sent over the wire. */
  readonly label: string;
  readonly kind: SimCredentialKind;
  /** The secret itself: an API key (sent as Basic `<key>:`) or an OAuth access token (sent as Bearer). */
  readonly secret: string;
  readonly subject: { readonly type: "company" | "organisation"; readonly id: string };
  readonly scopes: readonly PleoScope[];
  readonly clientId: string;
  readonly applicationName?: string;
}

export const ORGANISATIONS = {
  loveCremeBrulee: { id: "0f4b0c12-ac68-5356-9431-20e8e1f3ca41", name: "Love Crème Brûlée Group" },
  alexey: { id: "1f512809-a4dd-5bdd-b9d5-92e18d82f689", name: "Alexey Software Ltd" },
} as const satisfies Record<string, SimOrganisation>;

export const COMPANIES = {
  nl: {
    id: "5ff74e70-55e8-56f7-adbf-5e1a0b53949f",
    slug: "lcb-nl",
    organisationId: ORGANISATIONS.loveCremeBrulee.id,
    name: "Love Crème Brûlée B.V.",
    registrationNumber: "NL-KVK-81234567",
    country: "NL",
    currency: "EUR",
    address: {
      addressLine1: "Keizersgracht 123",
      locality: "Amsterdam",
      postalCode: "1015 CJ",
      country: "NL",
    },
  },
  de: {
    id: "e7ecb214-9104-5fa8-8209-4b72eac86ef8",
    slug: "lcb-de",
    organisationId: ORGANISATIONS.loveCremeBrulee.id,
    name: "Love Crème Brûlée GmbH",
    registrationNumber: "DE-HRB-198765",
    country: "DE",
    currency: "EUR",
    address: {
      addressLine1: "Torstraße 45",
      locality: "Berlin",
      postalCode: "10119",
      region: "Berlin",
      country: "DE",
    },
  },
  be: {
    id: "ae1a687a-204b-556d-8c6f-a7095005f0c8",
    slug: "lcb-be",
    organisationId: ORGANISATIONS.loveCremeBrulee.id,
    name: "Love Crème Brûlée BV/SRL",
    registrationNumber: "BE-0712.345.678",
    country: "BE",
    currency: "EUR",
    address: {
      addressLine1: "Rue Antoine Dansaert 70",
      locality: "Bruxelles",
      postalCode: "1000",
      country: "BE",
    },
  },
  alexey: {
    id: "1923d604-0cdf-5930-b0b9-d4ffc8c3b76e",
    slug: "alexey",
    organisationId: ORGANISATIONS.alexey.id,
    name: "Alexey Software Ltd",
    registrationNumber: "GB-CRN-12345678",
    country: "GB",
    currency: "GBP",
    address: { addressLine1: "1 Old Street", locality: "London", postalCode: "EC1V 9HL", country: "GB" },
  },
} as const satisfies Record<string, SimCompanyIdentity>;

const allCompanyScopes = ALL_SCOPES.filter((s) => s !== "companies:read");

export const CREDENTIALS = {
  /** Organisation-scoped key of the group: discovery only. */
  lcbOrg: {
    label: "lcb-org",
    kind: "apiKey",
    secret: "sim_key_J72Y1h-TgDV5CVLYhw87I2_sZxeM83dw",
    subject: { type: "organisation", id: ORGANISATIONS.loveCremeBrulee.id },
    scopes: ["companies:read", "users:read"],
    clientId: "sim-client-lcb-org",
  },
  nl: {
    label: "lcb-nl",
    kind: "apiKey",
    secret: "sim_key_833IofiNRXdPkMl1MrImdxRWCN8EwkhR",
    subject: { type: "company", id: COMPANIES.nl.id },
    scopes: ["companies:read", ...allCompanyScopes],
    clientId: "sim-client-lcb-nl",
  },
  /** NL key created with a narrow access level: chart of accounts and tax codes only, no vendors. */
  nlReadOnlyAccounts: {
    label: "lcb-nl-readonly",
    kind: "apiKey",
    secret: "sim_key_PSmRjGQpIcvflDXSGOpBnJRwgyIA4fib",
    subject: { type: "company", id: COMPANIES.nl.id },
    scopes: ["companies:read", "accounts:read", "tax-codes:read"],
    clientId: "sim-client-lcb-nl-readonly",
  },
  de: {
    label: "lcb-de",
    kind: "apiKey",
    secret: "sim_key_MrLp6KVGGDFr3wmtXiWPKHdL0TSPYRm0",
    subject: { type: "company", id: COMPANIES.de.id },
    scopes: ["companies:read", ...allCompanyScopes],
    clientId: "sim-client-lcb-de",
  },
  /** An OAuth access token (Bearer) for DE, as an installed marketplace app would hold. */
  deOAuth: {
    label: "lcb-de-oauth",
    kind: "accessToken",
    secret: "sim_oat_iVr9MXODtjuNgOYDZ4lE81WLHm3vGAlc",
    subject: { type: "company", id: COMPANIES.de.id },
    scopes: ["companies:read", ...allCompanyScopes],
    clientId: "sim-oauth-app",
    applicationName: "Gateway Demo App",
  },
  be: {
    label: "lcb-be",
    kind: "apiKey",
    secret: "sim_key_WLL3Lvz2jaCOJcpYXRIdfEn9iAFoIO6r",
    subject: { type: "company", id: COMPANIES.be.id },
    scopes: ["companies:read", ...allCompanyScopes],
    clientId: "sim-client-lcb-be",
  },
  /** BE key limited to vendors: every other accounting field fails with MISSING_SCOPE. */
  beVendorsOnly: {
    label: "lcb-be-vendors-only",
    kind: "apiKey",
    secret: "sim_key_Qm7vXw2Lr9TzK4pNc8YdHs3JfBu6EaGo",
    subject: { type: "company", id: COMPANIES.be.id },
    scopes: ["companies:read", "vendors:read"],
    clientId: "sim-client-lcb-be-vendors-only",
  },
  alexeyOrg: {
    label: "alexey-org",
    kind: "apiKey",
    secret: "sim_key_z26o1eoc_21dG07ceoEBvBBRGCQd0ZSy",
    subject: { type: "organisation", id: ORGANISATIONS.alexey.id },
    scopes: ["companies:read", "users:read"],
    clientId: "sim-client-alexey-org",
  },
  alexey: {
    label: "alexey",
    kind: "apiKey",
    secret: "sim_key_GEc754HkXdJLHf7pN11c5czPLDTdK1B5",
    subject: { type: "company", id: COMPANIES.alexey.id },
    scopes: ["companies:read", ...allCompanyScopes],
    clientId: "sim-client-alexey",
  },
} as const satisfies Record<string, SimCredential>;

export const ALL_COMPANIES: readonly SimCompanyIdentity[] = Object.values(COMPANIES);
export const ALL_ORGANISATIONS: readonly SimOrganisation[] = Object.values(ORGANISATIONS);
export const ALL_CREDENTIALS: readonly SimCredential[] = Object.values(CREDENTIALS);
