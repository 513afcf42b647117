import { data } from "../http-types.ts";
import type { RouteDefinition } from "../router.ts";

/** `GET /v1/introspect`: which client, auth method, scopes and subject the presented credential has. */
export const introspectRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/v1/introspect",
    scope: null,
    organisationAccess: true,
    handle: ({ credential }) =>
      data({
        clientId: credential.clientId,
        authMethod: credential.kind === "apiKey" ? "API_KEY" : "OAUTH2",
        scope: credential.scopes.join(" "),
        ...(credential.applicationName === undefined ? {} : { applicationName: credential.applicationName }),
        subjectURN: `urn:pleo:${credential.subject.type}:${credential.subject.id}`,
      }),
  },
];
