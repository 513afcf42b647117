import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

/**
 * Loads Pleo's OpenAPI specs (never copied into the project) and turns their response schemas into Ajv
 * validators. Specs live in `PLEO_OPENAPI_DIR`, or `../shared/pleo-openapi` next to the project root.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SPEC_DIR = process.env.PLEO_OPENAPI_DIR ?? join(projectRoot, "..", "shared", "pleo-openapi");
export const specsAvailable = existsSync(SPEC_DIR);

type JsonSchema = Record<string, unknown>;

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const documents = new Map<string, OpenApiDocument>();

export function loadSpec(file: string): OpenApiDocument {
  let doc = documents.get(file);
  if (!doc) {
    doc = parse(readFileSync(join(SPEC_DIR, file), "utf8")) as OpenApiDocument;
    documents.set(file, doc);
  }
  return doc;
}

// ajv-formats is CommonJS; under NodeNext its default import is the module object or the function itself.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));

export function operation(file: string, method: string, path: string): OpenApiOperation {
  const op = loadSpec(file).paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`${file} has no ${method} ${path}`);
  return op;
}

/** The declared response for a status (falling back to `default`), with its media type. */
export function declaredResponse(
  file: string,
  method: string,
  path: string,
  status: number,
): { mediaType: string; schema: JsonSchema } | undefined {
  const responses = operation(file, method, path).responses ?? {};
  const response = responses[String(status)] ?? (status < 400 ? responses.default : undefined);
  const [mediaType, content] = Object.entries(response?.content ?? {})[0] ?? [];
  if (!mediaType || !content?.schema) return undefined;
  return { mediaType, schema: content.schema };
}

const validators = new Map<string, ValidateFunction>();

/** An Ajv validator for a schema of the given spec, with every `$ref` resolved inline. */
export function validatorFor(file: string, schema: JsonSchema): ValidateFunction {
  const key = `${file}:${JSON.stringify(schema)}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(resolveRefs(loadSpec(file), schema, []));
    validators.set(key, validate);
  }
  return validate;
}

export function requestBodySchema(file: string, method: string, path: string): JsonSchema | undefined {
  const content = operation(file, method, path).requestBody?.content ?? {};
  return Object.values(content)[0]?.schema;
}

/**
 * Inlines `#/components/schemas/X` references and repairs two spec defects so the schemas mean what the
 * prose says: date-time fields carry a Java date pattern (`YYYY-MM-DDTHH:mi:ssZ`) in `pattern`, which as a
 * regular expression matches no real date, so it is dropped (`format: date-time` still applies); and
 * OpenAPI 3.0 `nullable` enums get `null` added, as OpenAPI 3.0.3 clarifies.
 */
function resolveRefs(doc: OpenApiDocument, node: unknown, stack: string[]): JsonSchema {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(doc, item, stack)) as unknown as JsonSchema;
  if (node === null || typeof node !== "object") return node as JsonSchema;
  const record = node as JsonSchema;
  const ref = record.$ref;
  if (typeof ref === "string") {
    const name = ref.replace("#/components/schemas/", "");
    if (stack.includes(name)) throw new Error(`recursive schema ${[...stack, name].join(" → ")}`);
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${ref}`);
    return resolveRefs(doc, target, [...stack, name]);
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "pattern" && typeof value === "string" && /yyyy|YYYY/.test(value)) continue;
    if (key === "example" || key === "examples") continue;
    out[key] =
      key === "properties"
        ? mapValues(value as JsonSchema, (v) => resolveRefs(doc, v, stack))
        : resolveRefs(doc, value, stack);
  }
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  return out;
}

function mapValues(record: JsonSchema, fn: (value: unknown) => unknown): JsonSchema {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}

export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 10)
    .map((error) => `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`)
    .join("\n");
}
