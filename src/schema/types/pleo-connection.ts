import { ConnectionErrorCode, ConnectionFailure } from "../../connections/connection-failure.ts";
import type { ConnectionView } from "../../connections/connection-view.ts";
import { connectionsOf } from "../../connections/request-scope.ts";
import { subjectUrn } from "../../connections/subject.ts";
import { ErrorCode, GatewayError } from "../../errors.ts";
import { builder } from "../builder.ts";

/*
 * The gateway's connections to Pleo (one per company or organisation, kept in the vault) as admins see
 * them: never the secret. `connections` lists those the caller's manage claim covers.
 */

export const ConnectionSubjectKind = builder.enumType("ConnectionSubjectKind", {
  values: ["COMPANY", "ORGANISATION"] as const,
});

const ConnectionSubject = builder.objectRef<ConnectionView>("ConnectionSubject").implement({
  description: "The company or organisation a connection is for, as Pleo's introspection named it.",
  fields: (t) => ({
    kind: t.field({
      type: ConnectionSubjectKind,
      resolve: (v) => (v.subject.kind === "company" ? "COMPANY" : "ORGANISATION"),
    }),
    id: t.field({ type: "UUID", resolve: (v) => v.subject.id }),
    urn: t.string({ description: "`urn:pleo:company:<uuid>`", resolve: (v) => subjectUrn(v.subject) }),
    name: t.string({
      nullable: true,
      description: "The company's name from Pleo (Pleo exposes none for organisations).",
      resolve: (v) => v.facts.name,
    }),
    organisationId: t.field({
      type: "UUID",
      nullable: true,
      description: "The company's organisation, from Pleo.",
      resolve: (v) => v.facts.organisationId,
    }),
  }),
});

const ConnectionKind = builder.enumType("PleoConnectionKind", {
  values: {
    API_KEY: { description: "An API key an admin connected." },
    OAUTH: {
      description: "An OAuth grant from the connect flow; its access token is refreshed by the gateway.",
    },
  },
});

const ConnectionStatus = builder.enumType("PleoConnectionStatus", {
  values: {
    ACTIVE: { description: "In use." },
    REAUTHORIZATION_REQUIRED: {
      description:
        "Pleo revoked the OAuth grant: the company's fields fail with REAUTHORIZATION_REQUIRED until someone connects it again.",
    },
  },
});

export const PleoConnection = builder.objectRef<ConnectionView>("PleoConnection").implement({
  description: "A Pleo credential the gateway holds for one company or organisation. Never the secret.",
  fields: (t) => ({
    subject: t.field({ type: ConnectionSubject, resolve: (v) => v }),
    kind: t.field({ type: ConnectionKind, resolve: (v) => v.kind }),
    status: t.field({ type: ConnectionStatus, resolve: (v) => v.status }),
    scopes: t.stringList({ resolve: (v) => [...v.scopes] }),
    accessTokenExpiresAt: t.field({
      type: "DateTime",
      nullable: true,
      resolve: (v) => v.accessTokenExpiresAt,
    }),
    lastRefreshAt: t.field({ type: "DateTime", nullable: true, resolve: (v) => v.lastRefreshAt }),
    connectedBy: t.string({
      description: "The `sub` of the caller who connected it.",
      resolve: (v) => v.connectedBy,
    }),
    connectedAt: t.field({ type: "DateTime", resolve: (v) => v.connectedAt }),
  }),
});

builder.queryField("connections", (t) =>
  t.field({
    type: [PleoConnection],
    description:
      "The gateway's connections the caller may manage (their JWT's manage claim lists the company or its organisation). Without manage rights: CONNECTION_MANAGE_DENIED.",
    resolve: async (_root, _args, ctx) => {
      try {
        const scope = connectionsOf(ctx);
        const rights = await scope.rights();
        if (rights.manages.length === 0)
          throw new ConnectionFailure(
            ConnectionErrorCode.MANAGE_DENIED,
            "Your caller token grants no manage rights.",
          );
        return await scope.service.admin.list(rights);
      } catch (error) {
        if (!(error instanceof ConnectionFailure)) throw error;
        throw new GatewayError(ErrorCode.CONNECTION_MANAGE_DENIED, error.message);
      }
    },
  }),
);
