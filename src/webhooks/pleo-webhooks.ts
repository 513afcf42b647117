import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Registry } from "prom-client";
import { ErrorCode } from "../errors.ts";
import type { Fleet } from "../fleet/fleet.ts";
import type { Logger } from "../support/logger.ts";
import { demoKeyring } from "../vault/demo-key.ts";
import { generateKeyEntry, Keyring } from "../vault/keyring.ts";
import { FleetDeliveryDedupe, InMemoryDeliveryDedupe } from "./delivery-dedupe.ts";
import { FileWebhookSecretStore } from "./file-secret-store.ts";
import { WebhookReceiver, type WebhookSinks } from "./receiver.ts";
import { RedisWebhookSecretStore } from "./redis-secret-store.ts";
import type { WebhookSecretStore } from "./secret-store.ts";
import { WebhookMetrics } from "./webhook-metrics.ts";
import type { WebhookSecretsOptions, WebhooksOptions } from "./webhooks-config.ts";
import { WebhooksUnavailable } from "./webhooks-failure.ts";

/** Where Pleo delivers; the last path segment names the company whose secrets verify the delivery. */
export const WEBHOOK_PATH = "/webhooks/pleo";

/**
 * Pleo webhooks in, assembled once per gateway: the secret store (a file for one instance, Redis in a
 * fleet), the delivery dedupe (in memory, or fleet-wide in Redis), the receiver, and the public URL
 * subscriptions are made with.
 */
export class PleoWebhooks {
  readonly receiver: WebhookReceiver;
  readonly secrets: WebhookSecretStore;
  readonly #publicBaseUrl: string | undefined;
  readonly #temporaryDir: string | undefined;

  private constructor(parts: {
    receiver: WebhookReceiver;
    secrets: WebhookSecretStore;
    publicBaseUrl: string | undefined;
    temporaryDir: string | undefined;
  }) {
    this.receiver = parts.receiver;
    this.secrets = parts.secrets;
    this.#publicBaseUrl = parts.publicBaseUrl;
    this.#temporaryDir = parts.temporaryDir;
  }

  static async create(options: {
    readonly webhooks: WebhooksOptions;
    readonly fleet: Fleet | undefined;
    readonly sinks: WebhookSinks;
    /** The gateway's metrics registry; absent when metrics are off. */
    readonly registry: Registry | undefined;
    readonly logger: Logger;
  }): Promise<PleoWebhooks> {
    const { webhooks, fleet, logger } = options;
    const { secrets: settings } = webhooks;
    // The embedded demo's secrets die with its simulator (a fleet shares them through Redis instead).
    const temporaryDir =
      settings.temporary && !fleet ? await mkdtemp(join(tmpdir(), "pleo-gw-webhooks-")) : undefined;
    const keyring = await keyringFor(settings, temporaryDir !== undefined, logger);
    const secrets: WebhookSecretStore = fleet
      ? new RedisWebhookSecretStore(fleet.connection, fleet.keys.prefix, keyring, logger)
      : await FileWebhookSecretStore.open(
          temporaryDir ? join(temporaryDir, "webhook-secrets.json") : settings.file,
          keyring,
          logger,
        );
    const receiver = new WebhookReceiver({
      store: secrets,
      dedupe: fleet
        ? new FleetDeliveryDedupe(fleet.connection, fleet.keys.prefix)
        : new InMemoryDeliveryDedupe(),
      sinks: options.sinks,
      metrics: new WebhookMetrics(options.registry),
      toleranceSeconds: webhooks.toleranceSeconds,
      logger,
    });
    logger.info(
      { backend: fleet ? "redis" : "file", publicBaseUrl: webhooks.publicBaseUrl ?? null },
      "pleo webhooks ready",
    );
    return new PleoWebhooks({ receiver, secrets, publicBaseUrl: webhooks.publicBaseUrl, temporaryDir });
  }

  /** The URL Pleo is given for `companyId`'s deliveries; refused when no public URL is configured. */
  endpointFor(companyId: string): string {
    if (!this.#publicBaseUrl)
      throw new WebhooksUnavailable(
        ErrorCode.WEBHOOKS_NOT_CONFIGURED,
        "This gateway has no public URL for Pleo to deliver to (set PUBLIC_BASE_URL).",
        companyId,
      );
    return `${this.#publicBaseUrl}${WEBHOOK_PATH}/${companyId}`;
  }

  async close(): Promise<void> {
    if (this.#temporaryDir) await rm(this.#temporaryDir, { recursive: true, force: true });
  }
}

/** The request context's webhooks (put there by src/plugins/pleo-webhooks.ts); absent when not configured. */
export function webhooksOf(context: object): PleoWebhooks | undefined {
  const webhooks = (context as { pleoWebhooks?: unknown }).pleoWebhooks;
  return webhooks instanceof PleoWebhooks ? webhooks : undefined;
}

/**
 * The vault's keys seal the secrets. Without VAULT_KEYS (the embedded demo only): a key of this
 * process for a temporary store, else the demo key kept beside VAULT_FILE, which the instances of an
 * embedded fleet on one machine share.
 */
async function keyringFor(
  settings: WebhookSecretsOptions,
  temporary: boolean,
  logger: Logger,
): Promise<Keyring> {
  if (settings.vaultKeys !== undefined) return Keyring.parse(settings.vaultKeys);
  if (temporary) return Keyring.parse(generateKeyEntry("process"));
  return demoKeyring(settings.vaultFile, logger);
}
