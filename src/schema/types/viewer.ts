import type { AccessProblem } from "../../context/company-access.ts";
import type { GatewayContext } from "../../context/context.ts";
import type { BoundCredential } from "../../pleo/credential.ts";
import type { Company as CompanyModel } from "../../pleo/models/company.ts";
import { builder } from "../builder.ts";
import { Company } from "./company.ts";
import {
  byNameThenId,
  discoverableOrganisationIds,
  heldCompanies,
  listedCompanies,
  Organisation,
} from "./organisation.ts";

const CredentialKind = builder.enumType("CredentialKind", { values: ["API_KEY", "ACCESS_TOKEN"] as const });
const CredentialSource = builder.enumType("CredentialSource", {
  values: {
    HEADER: { description: "Sent by the caller in X-Pleo-Api-Key / X-Pleo-Access-Token." },
    GATEWAY: { description: "Held by the gateway and granted to the caller's JWT." },
  },
});
const SubjectType = builder.enumType("CredentialSubjectType", {
  values: ["COMPANY", "ORGANISATION"] as const,
});

const CredentialInfo = builder.objectRef<BoundCredential>("CredentialInfo").implement({
  description: "A Pleo credential this request holds, as Pleo's introspection bound it. Never the secret.",
  fields: (t) => ({
    id: t.string({
      description: "A non-secret fingerprint, stable for the same credential.",
      resolve: (b) => b.credential.id,
    }),
    kind: t.field({
      type: CredentialKind,
      resolve: (b) => (b.credential.kind === "apiKey" ? "API_KEY" : "ACCESS_TOKEN"),
    }),
    source: t.field({
      type: CredentialSource,
      resolve: (b) => (b.source === "header" ? "HEADER" : "GATEWAY"),
    }),
    subjectType: t.field({
      type: SubjectType,
      resolve: (b) => (b.binding.subject.type === "company" ? "COMPANY" : "ORGANISATION"),
    }),
    companyId: t.field({
      type: "UUID",
      nullable: true,
      resolve: (b) => (b.binding.subject.type === "company" ? b.binding.subject.id : null),
    }),
    organisationId: t.field({
      type: "UUID",
      nullable: true,
      resolve: (b) => (b.binding.subject.type === "organisation" ? b.binding.subject.id : null),
    }),
    scopes: t.stringList({ resolve: (b) => [...b.binding.scopes].sort() }),
    authMethod: t.string({ resolve: (b) => b.binding.authMethod }),
    clientId: t.string({ resolve: (b) => b.binding.clientId }),
    applicationName: t.string({ nullable: true, resolve: (b) => b.binding.applicationName ?? null }),
  }),
});

const CredentialProblem = builder.objectRef<AccessProblem>("CredentialProblem").implement({
  description:
    "A company or organisation granted to the caller whose gateway-held credential cannot be used.",
  fields: (t) => ({
    code: t.string({ resolve: (p) => p.code }),
    subjectType: t.field({
      type: SubjectType,
      resolve: (p) => (p.subject.type === "company" ? "COMPANY" : "ORGANISATION"),
    }),
    subjectId: t.field({ type: "UUID", resolve: (p) => p.subject.id }),
    message: t.exposeString("message"),
  }),
});

/**
 * Companies discoverable through organisation credentials plus those held directly. Every page of an
 * organisation's companies, within `readAllPages`' bound (20 pages, 2,000 companies per organisation);
 * the lists come first, so a held company they name needs no lookup of its own.
 */
async function discoverableCompanies(ctx: GatewayContext): Promise<CompanyModel[]> {
  const byId = new Map<string, CompanyModel>();
  const lists = await Promise.all(
    ctx.access.organisationIdsWithCredentials().map((organisationId) => listedCompanies(ctx, organisationId)),
  );
  for (const company of [...lists.flat(), ...(await heldCompanies(ctx))])
    byId.set(company.id.toLowerCase(), company);
  return [...byId.values()].sort(byNameThenId);
}

const Viewer = builder.objectRef<{ readonly kind: "viewer" }>("Viewer").implement({
  description: "Who is calling and what it may see. Contains no secret.",
  fields: (t) => ({
    authenticated: t.boolean({
      description: "Whether the caller presented a verified JWT or at least one Pleo credential.",
      resolve: (_v, _a, ctx) => ctx.caller.token !== undefined || ctx.caller.directCredentialCount > 0,
    }),
    tokenSubject: t.string({
      nullable: true,
      description: "The `sub` of the caller's verified JWT.",
      resolve: (_v, _a, ctx) => ctx.caller.token?.subject ?? null,
    }),
    tokenExpiresAt: t.field({
      type: "DateTime",
      nullable: true,
      resolve: (_v, _a, ctx) => ctx.caller.token?.expiresAt.toISOString() ?? null,
    }),
    credentials: t.field({
      type: [CredentialInfo],
      description:
        "Every credential this request can use, with the company or organisation Pleo bound it to.",
      resolve: async (_v, _a, ctx) => (await ctx.access.inventory()).credentials,
    }),
    credentialProblems: t.field({
      type: [CredentialProblem],
      description:
        "Grants of the caller's JWT that cannot be served (no stored credential, rejected, mismatched).",
      resolve: async (_v, _a, ctx) => (await ctx.access.inventory()).problems,
    }),
    organisations: t.field({
      type: [Organisation],
      resolve: async (_v, _a, ctx) => (await discoverableOrganisationIds(ctx)).map((id) => ({ id })),
    }),
    companies: t.field({
      type: [Company],
      nullable: true,
      description: "Every company this request can discover (through organisation or company credentials).",
      resolve: (_v, _a, ctx) => discoverableCompanies(ctx),
    }),
  }),
});

builder.queryField("viewer", (t) => t.field({ type: Viewer, resolve: () => ({ kind: "viewer" as const }) }));
