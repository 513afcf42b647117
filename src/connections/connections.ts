import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallerTokenOptions } from "../context/caller-token.ts";
import { type CredentialStore, LayeredCredentialStore } from "../credentials/store.ts";
import type { Fleet } from "../fleet/fleet.ts";
import type { PleoClient } from "../pleo/client.ts";
import type { PleoCredential } from "../pleo/credential.ts";
import type { Logger } from "../support/logger.ts";
import { createVault } from "../vault/index.ts";
import { AuditLog } from "./audit-log.ts";
import { ConnectionAdmin } from "./connection-admin.ts";
import { ConnectionWriter } from "./connection-writer.ts";
import type { ConnectionsOptions } from "./connections-config.ts";
import { ManageRightsReader } from "./manage-rights.ts";
import { PleoOAuthClient } from "./oauth-client.ts";
import { OAuthConnectFlow } from "./oauth-flow.ts";
import { InMemoryPendingFlows, RedisPendingFlows } from "./pending-flows.ts";
import { FleetRefreshLock, InProcessRefreshLock } from "./refresh-lock.ts";
import { SubjectDirectory } from "./subject-directory.ts";
import { TokenRefresher } from "./token-refresher.ts";
import { VaultCredentialStore } from "./vault-credential-store.ts";

/**
 * Company connections, assembled once per gateway: the vault, the layered credential store (vault
 * connections first, then the static file/environment credentials), the OAuth connect flow (when an
 * OAuth client is configured), connection management and the refresh path.
 */
export class Connections {
  readonly credentialStore: CredentialStore;
  /** Absent without an OAuth client: API keys can still be connected. */
  readonly flow: OAuthConnectFlow | undefined;
  readonly admin: ConnectionAdmin;
  readonly rights: ManageRightsReader;
  readonly #vaultStore: VaultCredentialStore;
  readonly #temporaryDir: string | undefined;

  private constructor(parts: {
    credentialStore: CredentialStore;
    flow: OAuthConnectFlow | undefined;
    admin: ConnectionAdmin;
    rights: ManageRightsReader;
    vaultStore: VaultCredentialStore;
    temporaryDir: string | undefined;
  }) {
    this.credentialStore = parts.credentialStore;
    this.flow = parts.flow;
    this.admin = parts.admin;
    this.rights = parts.rights;
    this.#vaultStore = parts.vaultStore;
    this.#temporaryDir = parts.temporaryDir;
  }

  static async create(options: {
    readonly connections: ConnectionsOptions;
    readonly staticStore: CredentialStore;
    readonly pleo: PleoClient;
    readonly fleet: Fleet | undefined;
    readonly callerTokens: CallerTokenOptions | undefined;
    readonly logger: Logger;
  }): Promise<Connections> {
    const { connections, fleet, logger, pleo } = options;
    const { settings } = connections;
    const temporaryDir = connections.temporaryVault
      ? await mkdtemp(join(tmpdir(), "pleo-gw-vault-"))
      : undefined;
    const vault = await createVault({
      ...connections.vault,
      env: temporaryDir
        ? { ...connections.vault.env, VAULT_FILE: join(temporaryDir, "vault.json") }
        : connections.vault.env,
      redis: fleet ? { connection: fleet.connection, keyPrefix: fleet.keys.prefix } : undefined,
      logger,
    });
    const oauth = settings.oauth ? new PleoOAuthClient(settings.oauth) : undefined;
    const refresher = oauth
      ? new TokenRefresher({
          vault,
          oauth,
          lock: fleet
            ? new FleetRefreshLock(fleet.connection, fleet.keys.prefix)
            : new InProcessRefreshLock(),
          logger,
        })
      : undefined;
    const vaultStore = new VaultCredentialStore({ vault, refresher, logger });
    const writer = new ConnectionWriter(vault);
    const directory = new SubjectDirectory(
      pleo,
      fleet ? { connection: fleet.connection, keyPrefix: fleet.keys.prefix } : undefined,
    );
    const audit = new AuditLog(logger);
    const flow = oauth
      ? new OAuthConnectFlow({
          oauth,
          flows: fleet
            ? new RedisPendingFlows(fleet.connection, fleet.keys.prefix)
            : new InMemoryPendingFlows(),
          writer,
          directory,
          audit,
          returnToAllowlist: settings.returnToAllowlist,
          flowTtlMs: settings.flowTtlMs,
        })
      : undefined;
    await connections.prepare?.();
    return new Connections({
      credentialStore: new LayeredCredentialStore([vaultStore, options.staticStore]),
      flow,
      admin: new ConnectionAdmin({ vault, writer, pleo, directory, store: vaultStore, audit }),
      rights: new ManageRightsReader(options.callerTokens, settings.manageClaim),
      vaultStore,
      temporaryDir,
    });
  }

  /** Wired to the Pleo client's refusal events: a vault token refused while believed fresh. */
  onCredentialRefused(credential: PleoCredential): void {
    void this.#vaultStore.onRefused(credential);
  }

  async close(): Promise<void> {
    if (this.#temporaryDir) await rm(this.#temporaryDir, { recursive: true, force: true });
  }
}
