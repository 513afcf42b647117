import type { z } from "zod";
import { unsupportedMediaType, validationFailed } from "./errors.ts";
import type { RequestContext } from "./http-types.ts";

/**
 * Parses and validates a JSON request body. An absent body counts as `{}` when the spec marks the body
 * optional (the search endpoints), so schema defaults still apply. Unknown fields are rejected by the
 * schemas (strict objects): a misspelt filter would otherwise be silently ignored and match everything.
 */
export function parseBody<S extends z.ZodType>(
  ctx: RequestContext,
  schema: S,
  options: { required: boolean },
): z.output<S> {
  const { rawBody, contentType } = ctx.request;
  let json: unknown;
  if (rawBody.trim() === "") {
    if (options.required) throw validationFailed("A JSON request body is required.");
    json = {};
  } else {
    if (contentType !== undefined && !/^application\/(.+\+)?json\b/i.test(contentType)) {
      throw unsupportedMediaType(`Request bodies must be application/json, got '${contentType}'.`);
    }
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw validationFailed("The request body is not valid JSON.");
    }
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "body"}: ${issue.message}`)
      .join("; ");
    throw validationFailed(`Invalid request body: ${details}`);
  }
  return result.data;
}
