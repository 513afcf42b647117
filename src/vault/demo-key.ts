import { readFile } from "node:fs/promises";
import type { Logger } from "../support/logger.ts";
import { writeFileAtomically } from "./atomic-file.ts";
import { VaultConfigError } from "./errors.ts";
import { generateKeyEntry, Keyring } from "./keyring.ts";

/**
 * Embedded mode (`npm start` with no VAULT_KEYS) still encrypts: a key is generated on first start and
 * kept beside the vault file (`<VAULT_FILE>.key`, mode 0600, same `<kid>:<base64>` form as VAULT_KEYS),
 * so the demo's connections survive restarts. A key on the same disk as the data it protects is no
 * protection against someone who can read that disk, hence the warning at every start. Two processes
 * starting at once both end up with the one key that was written first.
 */
const DEMO_KID = "demo";

export async function demoKeyring(vaultFile: string, logger: Logger): Promise<Keyring> {
  const keyFile = `${vaultFile}.key`;
  let entry = await readKeyFile(keyFile);
  if (entry === undefined) {
    try {
      await writeFileAtomically(keyFile, `${generateKeyEntry(DEMO_KID)}\n`, { exclusive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    entry = await readKeyFile(keyFile);
  }
  if (entry === undefined) throw new VaultConfigError(["VAULT_KEYS: the demo key file cannot be created"]);
  logger.warn(
    { keyFile },
    "VAULT_KEYS is unset: the vault is encrypted with a generated key kept beside it; for the embedded demo only",
  );
  try {
    return Keyring.parse(entry);
  } catch {
    throw new VaultConfigError([`VAULT_KEYS: the demo key file ${keyFile} is not a key; remove it`]);
  }
}

async function readKeyFile(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new VaultConfigError([`VAULT_KEYS: the demo key file ${path} cannot be read`]);
  }
}
