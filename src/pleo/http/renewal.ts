import { ErrorCode, GatewayError } from "../../errors.ts";
import type { PleoCredential } from "../credential.ts";

/**
 * The credential to resend a refused call with, if there is one. Pleo rotates an OAuth pair on every
 * refresh and the old access token dies at once, so calls already holding it (on this instance or on
 * another one of the fleet) meet a 401 through no fault of theirs. A 401, and the quarantine's memory of
 * one, mean Pleo did not apply the request, so resending it is safe even for a write: once, with the
 * credential the gateway now holds for the same subject (`PleoCredential.renew`), only if that one is
 * newer than the one refused. Otherwise the refusal stands.
 */
export async function renewedAfterRefusal(
  credential: PleoCredential,
  error: unknown,
): Promise<PleoCredential | undefined> {
  if (!credential.renew) return undefined;
  if (!(error instanceof GatewayError) || error.code !== ErrorCode.CREDENTIAL_REJECTED) return undefined;
  let renewed: PleoCredential | undefined;
  try {
    renewed = await credential.renew();
  } catch (renewal) {
    // The store's own verdict on the subject (e.g. REAUTHORIZATION_REQUIRED) says more than the 401.
    if (renewal instanceof GatewayError) throw renewal;
    return undefined;
  }
  return renewed && renewed.hash !== credential.hash ? renewed : undefined;
}
