import type { SchemaTypes } from "@pothos/core";
import type { builder } from "../builder.ts";

/** The builder's schema types, for helpers that take Pothos refs and field builders as arguments. */
export type GatewayTypes =
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;
