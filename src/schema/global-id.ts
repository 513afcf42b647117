import { decodeGlobalID } from "@pothos/plugin-relay";
import { ErrorCode, GatewayError } from "../errors.ts";
import { isUuid } from "../pleo/models/common.ts";

/**
 * Global IDs of company-owned objects embed their company: the local id is `<companyId>:<objectId>`,
 * wrapped by Relay's `Type:local` base64 encoding. So `node(id:)` and every mutation know which company's
 * credential applies without trusting a separate argument.
 */
export function ownedLocalId(companyId: string, objectId: string): string {
  return `${companyId.toLowerCase()}:${objectId.toLowerCase()}`;
}

interface OwnedId {
  readonly companyId: string;
  readonly id: string;
}

export function parseOwnedLocalId(typename: string, localId: string): OwnedId {
  const [companyId, id, ...rest] = localId.split(":");
  if (!companyId || !id || rest.length > 0 || !isUuid(companyId) || !isUuid(id)) {
    throw new GatewayError(ErrorCode.INVALID_ID, `Not a valid ${typename} id.`);
  }
  return { companyId: companyId.toLowerCase(), id: id.toLowerCase() };
}

/** Decodes a global ID, insisting on its type. */
export function decodeTyped(typename: string, globalId: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw new GatewayError(ErrorCode.INVALID_ID, `Not a valid ${typename} id.`);
  }
  if (decoded.typename !== typename || !decoded.id) {
    throw new GatewayError(ErrorCode.INVALID_ID, `Expected a ${typename} id.`);
  }
  return decoded.id;
}

/** Company and organisation arguments accept Pleo's raw UUID or the gateway's global ID. */
export function uuidOrGlobalId(typename: "Company" | "Organisation", value: string): string {
  if (isUuid(value)) return value.toLowerCase();
  const local = decodeTyped(typename, value);
  if (!isUuid(local)) throw new GatewayError(ErrorCode.INVALID_ID, `Not a valid ${typename} id.`);
  return local.toLowerCase();
}

/**
 * An object id passed for a known company: a raw UUID (taken as that company's) or a global ID, which
 * must embed the same company — an id of company A is never looked up with company B's credential.
 */
export function ownedIdForCompany(typename: string, companyId: string, value: string): string {
  if (isUuid(value)) return value.toLowerCase();
  const owned = parseOwnedLocalId(typename, decodeTyped(typename, value));
  if (owned.companyId !== companyId.toLowerCase()) {
    throw new GatewayError(
      ErrorCode.FOREIGN_ID,
      `That ${typename} id belongs to another company than ${companyId}.`,
      { companyId },
    );
  }
  return owned.id;
}
