/**
 * The credential vault (issue 12): per-subject connection records, secrets sealed with AES-256-GCM
 * under keys from VAULT_KEYS, in a file (one instance) or Redis (a fleet), compare-and-set on every
 * write. This is its whole public surface.
 */
export { createVault, type VaultOptions } from "./create-vault.ts";
export {
  VaultConfigError,
  VaultConflictError,
  VaultRecordUnreadableError,
  VaultUnavailableError,
} from "./errors.ts";
export type {
  ConnectionRecord,
  ConnectionSecret,
  ConnectionStatus,
  SubjectKind,
  SubjectRef,
  Vault,
} from "./record.ts";
