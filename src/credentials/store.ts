import { readFileSync } from "node:fs";
import { z } from "zod";
import { createCredential, type PleoCredential } from "../pleo/credential.ts";
import { uuid } from "../pleo/models/common.ts";

/**
 * Where the gateway keeps the per-company Pleo credentials it supplies to authenticated callers
 * (frontends, internal tools). Async so that a shared store (Redis, a vault) can implement it.
 * The store's claim about which company a credential is for is checked by introspection before use.
 */
export interface CredentialStore {
  companyCredential(companyId: string): Promise<PleoCredential | undefined>;
  organisationCredential(organisationId: string): Promise<PleoCredential | undefined>;
}

/**
 * Several stores asked in order, the first that holds a credential for the subject answering. A store
 * that knows the subject but cannot serve it (e.g. a connection that needs reauthorization) throws, and
 * that decides: a later store is not asked to stand in for a credential the first one refused.
 */
export class LayeredCredentialStore implements CredentialStore {
  readonly #layers: readonly CredentialStore[];

  constructor(layers: readonly CredentialStore[]) {
    this.#layers = layers;
  }

  companyCredential(companyId: string): Promise<PleoCredential | undefined> {
    return this.#first((store) => store.companyCredential(companyId));
  }

  organisationCredential(organisationId: string): Promise<PleoCredential | undefined> {
    return this.#first((store) => store.organisationCredential(organisationId));
  }

  async #first(
    lookup: (store: CredentialStore) => Promise<PleoCredential | undefined>,
  ): Promise<PleoCredential | undefined> {
    for (const store of this.#layers) {
      const credential = await lookup(store);
      if (credential) return credential;
    }
    return undefined;
  }
}

const secretEntry = z.union([
  z.object({ apiKey: z.string().min(1) }).strict(),
  z.object({ accessToken: z.string().min(1) }).strict(),
]);

/** The file / environment format: `{ companies: {<uuid>: {apiKey}|{accessToken}}, organisations: {...} }`. */
export const credentialStoreFile = z
  .object({
    companies: z.record(uuid, secretEntry).default({}),
    organisations: z.record(uuid, secretEntry).default({}),
  })
  .strict();
export type CredentialStoreFile = z.input<typeof credentialStoreFile>;

function toCredential(entry: z.infer<typeof secretEntry>): PleoCredential {
  return "apiKey" in entry
    ? createCredential("apiKey", entry.apiKey)
    : createCredential("accessToken", entry.accessToken);
}

export class InMemoryCredentialStore implements CredentialStore {
  readonly #companies: ReadonlyMap<string, PleoCredential>;
  readonly #organisations: ReadonlyMap<string, PleoCredential>;

  constructor(data: CredentialStoreFile) {
    const parsed = credentialStoreFile.parse(data);
    this.#companies = new Map(
      Object.entries(parsed.companies).map(([id, e]) => [id.toLowerCase(), toCredential(e)]),
    );
    this.#organisations = new Map(
      Object.entries(parsed.organisations).map(([id, e]) => [id.toLowerCase(), toCredential(e)]),
    );
  }

  async companyCredential(companyId: string): Promise<PleoCredential | undefined> {
    return this.#companies.get(companyId.toLowerCase());
  }

  async organisationCredential(organisationId: string): Promise<PleoCredential | undefined> {
    return this.#organisations.get(organisationId.toLowerCase());
  }
}

/**
 * Reads the store from `PLEO_CREDENTIALS_FILE` (a path) or `PLEO_CREDENTIALS` (inline JSON). Errors name
 * the source and the offending path but never quote a value, since values are secrets.
 */
export function loadCredentialStoreData(source: { file?: string; inline?: string }): CredentialStoreFile {
  if (source.file && source.inline)
    throw new Error("Set PLEO_CREDENTIALS_FILE or PLEO_CREDENTIALS, not both.");
  const raw = source.file ? readFileSync(source.file, "utf8") : source.inline;
  if (!raw) return { companies: {}, organisations: {} };
  const label = source.file ? `PLEO_CREDENTIALS_FILE (${source.file})` : "PLEO_CREDENTIALS";
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${label} is not valid JSON.`);
  }
  const parsed = credentialStoreFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`${label} is invalid: ${problems.join("; ")}`);
  }
  return parsed.data;
}
