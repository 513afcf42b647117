import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/**
 * A minimal client for the example scripts: typed documents from `test/generated/` (codegen) sent to the
 * gateway, with the Pleo credentials a persona of the embedded gateway would send.
 */

export const GATEWAY_URL = (process.env.GATEWAY_URL ?? "http://127.0.0.1:4000").replace(/\/+$/, "");

export interface Persona {
  readonly name: string;
  readonly description: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The embedded gateway's demo callers (`GET /dev/personas`; embedded mode only). */
export async function persona(name: string): Promise<Persona> {
  const response = await fetch(`${GATEWAY_URL}/dev/personas`);
  if (!response.ok) {
    throw new Error(
      `GET ${GATEWAY_URL}/dev/personas answered ${response.status}: is the gateway running in embedded mode (npm start)?`,
    );
  }
  const personas = (await response.json()) as Persona[];
  const found = personas.find((p) => p.name === name);
  if (!found) throw new Error(`The gateway has no persona "${name}".`);
  return found;
}

/**
 * Joins the headers of several personas: the gateway accepts several credentials per header, comma
 * separated, and binds each to the company Pleo says it belongs to.
 */
export function combine(...personas: readonly Persona[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const p of personas) {
    for (const [name, value] of Object.entries(p.headers)) {
      headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
    }
  }
  return headers;
}

/** Runs one typed operation; GraphQL errors (not typed mutation results) are thrown. */
export async function execute<R, V>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  headers: Readonly<Record<string, string>>,
): Promise<R> {
  const response = await fetch(`${GATEWAY_URL}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as {
    data?: R | null;
    errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) {
    const list = body.errors.map(
      (e) => `${e.extensions?.code ?? "ERROR"} at ${JSON.stringify(e.path)}: ${e.message}`,
    );
    throw new Error(`GraphQL errors (HTTP ${response.status}):\n  ${list.join("\n  ")}`);
  }
  if (!body.data) throw new Error(`No data (HTTP ${response.status}).`);
  return body.data;
}

/** Narrows a result union to one member by its `__typename`. */
export function is<T extends { __typename?: string }, N extends string>(
  value: T | null | undefined,
  typename: N,
): value is Extract<T, { __typename?: N }> {
  return value?.__typename === typename;
}
