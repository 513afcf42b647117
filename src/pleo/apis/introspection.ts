import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { dataResponse } from "../models/common.ts";
import { type ExternalClient, externalClient } from "../models/introspection.ts";

const response = dataResponse(externalClient);

/** GET /v1/introspect: the only source of truth for whom a credential belongs to. */
export async function introspect(client: PleoClient, credential: PleoCredential): Promise<ExternalClient> {
  const body = await client.call(credential, {
    method: "GET",
    path: "/v1/introspect",
    schema: response,
    operation: "introspection",
  });
  return body.data;
}
