/**
 * Failures as Pleo reports them: an HTTP status and an `ExceptionInfo` body `{type, message}`. Handlers
 * throw these; the dispatcher turns them into responses, so a handler reads as the happy path plus checks.
 */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "SimHttpError";
  }

  /** The `ExceptionInfo` body. */
  toBody(): { type: string; message: string } {
    return { type: this.type, message: this.message };
  }
}

/** Both schemes are offered, as in the specs' `security` section. */
const CHALLENGE = { "www-authenticate": 'Basic realm="Pleo API", Bearer realm="Pleo API"' };

export const unauthorized = (message: string) => new SimHttpError(401, "UNAUTHORIZED", message, CHALLENGE);

export const forbidden = (message: string) => new SimHttpError(403, "FORBIDDEN", message);

export const insufficientScope = (scope: string) =>
  new SimHttpError(
    403,
    "INSUFFICIENT_SCOPE",
    `This operation requires the '${scope}' scope, which the credential lacks.`,
  );

export const notFound = (message: string, type = "NOT_FOUND") => new SimHttpError(404, type, message);

export const validationFailed = (message: string) => new SimHttpError(400, "VALIDATION_FAILED", message);

export const methodNotAllowed = (method: string, path: string, allowed: readonly string[]) =>
  new SimHttpError(405, "METHOD_NOT_ALLOWED", `${method} is not supported on ${path}.`, {
    allow: allowed.join(", "),
  });

export const unprocessable = (type: string, message: string) => new SimHttpError(422, type, message);

export const payloadTooLarge = (message: string) => new SimHttpError(413, "PAYLOAD_TOO_LARGE", message);

export const unsupportedMediaType = (message: string) =>
  new SimHttpError(415, "UNSUPPORTED_MEDIA_TYPE", message);
