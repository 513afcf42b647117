import { type CallerTokenOptions, CallerTokenVerifier } from "../context/caller-token.ts";
import { GatewayError } from "../errors.ts";
import { ConnectionErrorCode, ConnectionFailure } from "./connection-failure.ts";
import type { SubjectRef } from "./subject.ts";

/** Who is managing connections, and which organisations and companies they may manage. */
export interface ManageRights {
  /** The caller JWT's `sub`: the actor in the audit log and `connectedBy`. */
  readonly actor: string;
  /** Organisation and company ids from the manage claim (lower-case). */
  readonly manages: readonly string[];
}

/**
 * Reads the manage claim (AUTH_JWT_MANAGE_CLAIM) of a caller JWT. The token is verified by the very
 * verifier the request context uses (signature, issuer, audience, algorithms, expiry), configured to read
 * the manage claim as its list claim, so the claim is accepted under exactly the same rules. Only
 * connection management pays for this second verification.
 */
export class ManageRightsReader {
  readonly #verifier: CallerTokenVerifier | undefined;

  constructor(callerTokens: CallerTokenOptions | undefined, manageClaim: string) {
    this.#verifier = callerTokens
      ? new CallerTokenVerifier({
          ...callerTokens,
          companiesClaim: manageClaim,
          organisationsClaim: manageClaim,
        })
      : undefined;
  }

  /** The caller's rights; refuses (NOT_SIGNED_IN) without a verified caller JWT. */
  async read(authorization: string | null): Promise<ManageRights> {
    const token = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
    if (!token || !this.#verifier) {
      throw new ConnectionFailure(
        ConnectionErrorCode.NOT_SIGNED_IN,
        "Managing connections needs a verified caller JWT (Authorization: Bearer).",
      );
    }
    try {
      const grant = await this.#verifier.verify(token);
      return { actor: grant.subject, manages: grant.companies };
    } catch (error) {
      // The request context accepted this token; only a malformed manage claim can fail here.
      if (!(error instanceof GatewayError)) throw error;
      throw new ConnectionFailure(ConnectionErrorCode.NOT_SIGNED_IN, error.message);
    }
  }
}

/**
 * Whether the rights cover the subject: its own id is listed, or (for a company) the organisation it
 * belongs to. `organisationId` must come from Pleo, never from the caller.
 */
export function mayManage(
  rights: ManageRights,
  subject: SubjectRef,
  organisationId: string | undefined,
): boolean {
  if (rights.manages.includes(subject.id)) return true;
  return (
    subject.kind === "company" && organisationId !== undefined && rights.manages.includes(organisationId)
  );
}
