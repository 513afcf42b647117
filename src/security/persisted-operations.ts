import { readFileSync } from "node:fs";
import type { Plugin } from "graphql-yoga";
import { z } from "zod";
import { ErrorCode, GatewayError } from "../errors.ts";

export type PersistedOperationsMode = "off" | "allow" | "require";

export interface PersistedOperationsOptions {
  readonly mode: PersistedOperationsMode;
  /** hash → document, as codegen's client preset writes it (`persisted-documents.json`). */
  readonly manifest: ReadonlyMap<string, string>;
  /** In `require` mode, whether this request may still send a full document (e.g. trusted scripts). */
  readonly allowArbitrary: (request: Request) => boolean;
}

const manifestFile = z.record(z.string().min(1), z.string().min(1));

export function loadPersistedManifest(path: string): Map<string, string> {
  const parsed = manifestFile.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success)
    throw new Error(`The persisted operations manifest ${path} is not a {hash: document} map.`);
  return new Map(Object.entries(parsed.data));
}

/**
 * Persisted operations: a request names a document by hash (`documentId`, or Apollo's
 * `extensions.persistedQuery.sha256Hash`) and the gateway runs the document from its manifest.
 * In `require` mode arbitrary documents are refused, except for callers `allowArbitrary` trusts.
 */
export function usePersistedOperations(options: PersistedOperationsOptions): Plugin {
  return {
    onParams({ params, request, setParams }) {
      if (options.mode === "off") return;
      const extensions = params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
      const raw = (params as { documentId?: unknown }).documentId ?? extensions?.persistedQuery?.sha256Hash;
      if (typeof raw === "string" && raw.length > 0) {
        const id = raw.replace(/^sha256:/, "");
        const query = options.manifest.get(id) ?? options.manifest.get(raw);
        if (!query) {
          throw new GatewayError(
            ErrorCode.PERSISTED_QUERY_NOT_FOUND,
            "No persisted operation has that id.",
            {},
            { httpStatus: 400 },
          );
        }
        setParams({ ...params, query });
        return;
      }
      if (options.mode === "require" && !options.allowArbitrary(request)) {
        throw new GatewayError(
          ErrorCode.PERSISTED_QUERY_REQUIRED,
          "This gateway only runs persisted operations: send `documentId` instead of a query.",
          {},
          { httpStatus: 400 },
        );
      }
    },
  };
}
