import { createHash } from "node:crypto";

/** Pleo's "I don't know" / "not set" id, used by accounting entries for an unknown account or tag. */
export const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/**
 * A deterministic, RFC 4122-shaped (version 5 layout) UUID derived from a name, so that every seeded object
 * keeps the same id across runs and tests can refer to it. The parts are joined unambiguously.
 */
export function seededUuid(...parts: readonly string[]): string {
  const digest = createHash("sha1").update("pleo-simulator\u0000").update(parts.join("\u0000")).digest();
  digest.writeUInt8((digest.readUInt8(6) & 0x0f) | 0x50, 6);
  digest.writeUInt8((digest.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = digest.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
