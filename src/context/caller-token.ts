import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
} from "jose";
import { z } from "zod";
import { ErrorCode, GatewayError } from "../errors.ts";
import { uuid } from "../pleo/models/common.ts";

export interface CallerTokenOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  readonly clockToleranceSeconds: number;
  readonly companiesClaim: string;
  readonly organisationsClaim: string;
  readonly keys: { readonly jwksUrl: string } | { readonly jwks: JSONWebKeySet };
}

/** What a verified caller JWT grants: the companies and organisations whose stored credentials it may use. */
export interface CallerGrant {
  readonly subject: string;
  readonly companies: readonly string[];
  readonly organisations: readonly string[];
  readonly expiresAt: Date;
}

const grantList = z.array(uuid).max(1000).default([]);

/**
 * Verifies caller JWTs (frontends, internal tools) with jose: signature against a JWKS (remote or
 * static), issuer, audience and algorithms pinned, `exp` required, bounded clock tolerance. Every
 * failure becomes a 401 with a stable code derived from jose's own error codes.
 */
export class CallerTokenVerifier {
  readonly #options: CallerTokenOptions;
  readonly #getKey: JWTVerifyGetKey;

  constructor(options: CallerTokenOptions) {
    this.#options = options;
    this.#getKey =
      "jwksUrl" in options.keys
        ? createRemoteJWKSet(new URL(options.keys.jwksUrl), {
            timeoutDuration: 5_000,
            cooldownDuration: 30_000,
          })
        : createLocalJWKSet(options.keys.jwks);
  }

  async verify(token: string): Promise<CallerGrant> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.#getKey, {
        issuer: this.#options.issuer,
        audience: this.#options.audience,
        algorithms: [...this.#options.algorithms],
        clockTolerance: this.#options.clockToleranceSeconds,
        requiredClaims: ["exp", "sub"],
      }));
    } catch (error) {
      throw tokenError(error);
    }
    const companies = grantList.safeParse(payload[this.#options.companiesClaim]);
    const organisations = grantList.safeParse(payload[this.#options.organisationsClaim]);
    if (!companies.success || !organisations.success) {
      throw unauthenticated(
        ErrorCode.AUTH_TOKEN_CLAIM_INVALID,
        `The caller token's "${this.#options.companiesClaim}" and "${this.#options.organisationsClaim}" claims must be lists of UUIDs.`,
      );
    }
    return {
      subject: String(payload.sub),
      companies: [...new Set(companies.data.map((id) => id.toLowerCase()))],
      organisations: [...new Set(organisations.data.map((id) => id.toLowerCase()))],
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    };
  }
}

export function unauthenticated(code: GatewayError["code"], message: string, cause?: unknown): GatewayError {
  return new GatewayError(code, message, {}, { httpStatus: 401, cause });
}

function tokenError(error: unknown): GatewayError {
  if (error instanceof joseErrors.JWTExpired) {
    return unauthenticated(ErrorCode.AUTH_TOKEN_EXPIRED, "The caller token has expired.", error);
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === "nbf" || error.claim === "iat") {
      return unauthenticated(ErrorCode.AUTH_TOKEN_NOT_YET_VALID, "The caller token is not valid yet.", error);
    }
    return unauthenticated(
      ErrorCode.AUTH_TOKEN_CLAIM_INVALID,
      `The caller token's "${error.claim}" claim is not accepted by this gateway.`,
      error,
    );
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return unauthenticated(
      ErrorCode.AUTH_TOKEN_INVALID_SIGNATURE,
      "The caller token's signature is invalid.",
      error,
    );
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys) {
    return unauthenticated(
      ErrorCode.AUTH_TOKEN_UNKNOWN_KEY,
      "The caller token was signed with an unknown key.",
      error,
    );
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) {
    return unauthenticated(
      ErrorCode.AUTH_TOKEN_ALGORITHM_NOT_ALLOWED,
      "The caller token uses a signing algorithm this gateway does not accept.",
      error,
    );
  }
  // A remote JWKS that cannot be fetched surfaces as a jose timeout/invalid error or, for network
  // failures, as a non-jose error: the caller is not at fault, so that is a 503, not a 401.
  if (
    error instanceof joseErrors.JWKSTimeout ||
    error instanceof joseErrors.JWKSInvalid ||
    !(error instanceof joseErrors.JOSEError)
  ) {
    return new GatewayError(
      ErrorCode.AUTH_KEYS_UNAVAILABLE,
      "The gateway could not load the keys to verify the caller token.",
      {},
      { httpStatus: 503, cause: error },
    );
  }
  return unauthenticated(ErrorCode.AUTH_TOKEN_MALFORMED, "The caller token is not a well-formed JWT.", error);
}
