import { GraphQLError, Kind } from "graphql";
import { isUuid } from "../../pleo/models/common.ts";
import { builder } from "../builder.ts";

function stringScalar(
  name: string,
  description: string,
  accept: (value: string) => boolean,
  expected: string,
) {
  const parse = (value: unknown): string => {
    if (typeof value !== "string" || !accept(value)) throw new GraphQLError(`${name} must be ${expected}.`);
    return value;
  };
  builder.scalarType(name as "UUID" | "DateTime", {
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be ${expected}.`);
      return parse(ast.value);
    },
  });
}

stringScalar("UUID", "A Pleo identifier (RFC 4122 UUID).", isUuid, "a UUID");
stringScalar(
  "DateTime",
  "An ISO 8601 date-time with offset, as Pleo sends it (e.g. 2026-03-01T12:00:00Z).",
  (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
  "an ISO 8601 date-time with offset",
);

builder.scalarType("JSONObject", {
  description: "A JSON object passed through from Pleo as is (e.g. an account's free-form metadata).",
  serialize: (value) => value,
  parseValue: (value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw new GraphQLError("JSONObject must be an object.");
    return value as Record<string, unknown>;
  },
});
