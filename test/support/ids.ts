import { encodeGlobalID } from "@pothos/plugin-relay";

/** A syntactically valid UUID no seeded company owns anything under. */
export const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000001";

/** The global ID of a company-owned object, as the gateway issues it: `<Type>:<companyId>:<id>`. */
export function ownedGlobalId(typename: string, companyId: string, id: string): string {
  return encodeGlobalID(typename, `${companyId}:${id}`);
}
