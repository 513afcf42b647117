import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for tests and scripts, generated from the printed SDL (so codegen never imports the
 * gateway) and the `.graphql` operations, plus the persisted-operations manifest. `npm test` fails when
 * the output is stale.
 */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["test/operations/**/*.graphql", "examples/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "test/generated/": {
      preset: "client",
      // persisted-documents.json (hash → document) is the manifest of the persisted-operations mode.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: "sha256" } },
      config: {
        // ESM with explicit extensions, as NodeNext module resolution requires.
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          UUID: "string",
          DateTime: "string",
          MinorUnits: "number",
          JSONObject: "Record<string, unknown>",
        },
        strictScalars: true,
      },
    },
  },
};

export default config;
