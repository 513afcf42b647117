import type { CredentialStoreFile } from "../credentials/store.ts";
import { COMPANIES, CREDENTIALS, ORGANISATIONS } from "../simulator/seed/identities.ts";
import type { DevAuth } from "./dev-auth.ts";

/** A demo caller of the embedded gateway: the exact HTTP headers it sends. */
export interface Persona {
  readonly name: string;
  readonly description: string;
  readonly headers: Readonly<Record<string, string>>;
}

const group = [COMPANIES.nl.id, COMPANIES.de.id, COMPANIES.be.id];

/** What the embedded gateway holds for JWT callers: one credential per simulated company and organisation. */
export function embeddedCredentialStore(): CredentialStoreFile {
  return {
    companies: {
      [COMPANIES.nl.id]: { apiKey: CREDENTIALS.nl.secret },
      // DE is held as an OAuth access token, as an installed marketplace app would hold it.
      [COMPANIES.de.id]: { accessToken: CREDENTIALS.deOAuth.secret },
      [COMPANIES.be.id]: { apiKey: CREDENTIALS.be.secret },
      [COMPANIES.alexey.id]: { apiKey: CREDENTIALS.alexey.secret },
    },
    organisations: {
      [ORGANISATIONS.loveCremeBrulee.id]: { apiKey: CREDENTIALS.lcbOrg.secret },
      [ORGANISATIONS.alexey.id]: { apiKey: CREDENTIALS.alexeyOrg.secret },
    },
  };
}

/** The personas, with fresh JWTs for those that use gateway-held credentials. */
export async function embeddedPersonas(auth: DevAuth): Promise<Persona[]> {
  const bearer = async (
    subject: string,
    companies: string[],
    organisations: string[],
    manages?: string[],
  ) => ({
    authorization: `Bearer ${await auth.issue({ subject, companies, organisations, ...(manages ? { manages } : {}) })}`,
  });
  return [
    {
      name: "group-admin",
      description:
        "Finance lead of Love Crème Brûlée Group (frontend). A caller JWT granted the group and its three companies; the gateway supplies each company's own credential.",
      headers: await bearer("user:group-admin", group, [ORGANISATIONS.loveCremeBrulee.id]),
    },
    {
      name: "nl-bookkeeper",
      description:
        "A script of the Dutch bookkeeper: sends the group's organisation-scoped key (discovery) and the NL company's API key. Sees every group company's name, but accounting data only for NL.",
      headers: { "x-pleo-api-key": `${CREDENTIALS.lcbOrg.secret}, ${CREDENTIALS.nl.secret}` },
    },
    {
      name: "org-discovery",
      description:
        "An internal tool holding only the group's organisation-scoped key: discovers companies, no accounting data.",
      headers: { "x-pleo-api-key": CREDENTIALS.lcbOrg.secret },
    },
    {
      name: "alexey-owner",
      description: "Owner of Alexey Software Ltd (single-company organisation), signed in with a caller JWT.",
      headers: await bearer("user:alexey-owner", [COMPANIES.alexey.id], [ORGANISATIONS.alexey.id]),
    },
    {
      name: "de-oauth-app",
      description:
        "A marketplace app holding an OAuth access token for the German company, sent as X-Pleo-Access-Token.",
      headers: { "x-pleo-access-token": CREDENTIALS.deOAuth.secret },
    },
    {
      name: "nl-accounts-only",
      description:
        "A script with an NL key limited to accounts and tax codes: vendors fail with MISSING_SCOPE.",
      headers: { "x-pleo-api-key": CREDENTIALS.nlReadOnlyAccounts.secret },
    },
    {
      name: "connections-admin",
      description:
        "IT admin of Love Crème Brûlée Group: may connect and manage the group's companies (claim pleo_manage) and is granted them, so a company connected through OAuth resolves for this caller. See docs/connections.md.",
      headers: await bearer(
        "user:connections-admin",
        group,
        [ORGANISATIONS.loveCremeBrulee.id],
        [ORGANISATIONS.loveCremeBrulee.id],
      ),
    },
    {
      name: "anonymous",
      description: "No credentials at all: sees the schema and an empty viewer.",
      headers: {},
    },
  ];
}

/** The query each GraphiQL tab opens with. */
export const PERSONA_EXAMPLE_QUERY = `# Who am I, what can I discover, and whose books can I read?
query Overview {
  viewer {
    authenticated
    credentials { id kind source subjectType companyId organisationId scopes }
    credentialProblems { code subjectId message }
  }
  organisations {
    organisationId
    companies(first: 10) {
      totalCount
      edges {
        node {
          name
          companyId
          address { locality country }
          access { hasCredential scopes }
          vendors(first: 3) {
            totalCount
            edges { node { name defaultCurrency country state } }
          }
        }
      }
    }
  }
}
`;
