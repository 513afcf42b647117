import { randomUUID } from "node:crypto";
import { simulatorClock } from "../clock.ts";
import { canonicalEventType, type WebhookEventType } from "./events.ts";
import type {
  SubscriptionActivityModel,
  SubscriptionModel,
  SubscriptionOperation,
  SubscriptionStatus,
} from "./models.ts";
import { newWebhookSecret } from "./signature.ts";

/** How the receiver wants to be authenticated; the credentials stay here and are never echoed. */
interface EndpointAuth {
  readonly type: "NONE" | "BASIC";
  readonly username?: string;
  readonly password?: string;
}

/** A validated `SubscriptionRequest`. */
export interface SubscriptionSettings {
  readonly endpointUrl: string;
  readonly eventTypes: readonly string[];
  readonly status: SubscriptionStatus;
  readonly customHeaders?: Readonly<Record<string, string>>;
  readonly endpointAuth?: EndpointAuth;
}

/** An activity with its creation order, so activities of the same instant still list in order. */
export interface ActivityRecord {
  readonly seq: number;
  readonly model: SubscriptionActivityModel;
}

export interface SubscriptionRecord {
  readonly companyId: string;
  /** Creation order; listings sort "by createdAt" on it, which never ties. */
  readonly seq: number;
  readonly secret: string;
  model: SubscriptionModel;
  settings: SubscriptionSettings;
  /** Deleted subscriptions are gone from every endpoint but their activities. */
  deleted: boolean;
  readonly activities: ActivityRecord[];
}

const DESCRIPTIONS: Readonly<Record<SubscriptionOperation, string>> = {
  CREATE: "Subscription created",
  UPDATE: "Subscription updated",
  DELETE: "Subscription deleted",
};

/**
 * Webhook subscriptions, each owned by the company whose credential created it. Nothing here crosses
 * companies: every lookup names the company, and another company's subscription is simply not found.
 */
export class SubscriptionStore {
  private readonly byId = new Map<string, SubscriptionRecord>();
  private nextSeq = 1;

  constructor(private readonly now: () => number = () => simulatorClock.now()) {}

  create(companyId: string, settings: SubscriptionSettings, actorUrn: string): SubscriptionRecord {
    const at = this.nowIso();
    const record: SubscriptionRecord = {
      companyId,
      seq: this.nextSeq++,
      secret: newWebhookSecret(),
      model: toModel(randomUUID(), settings, at, at),
      settings,
      deleted: false,
      activities: [],
    };
    this.byId.set(record.model.id, record);
    this.addActivity(record, "CREATE", actorUrn);
    return record;
  }

  /** The company's subscription with that id; deleted ones only when asked (for their activities). */
  find(
    companyId: string,
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): SubscriptionRecord | undefined {
    const record = this.byId.get(id);
    if (record === undefined || record.companyId !== companyId) return undefined;
    return record.deleted && !options.includeDeleted ? undefined : record;
  }

  update(record: SubscriptionRecord, settings: SubscriptionSettings, actorUrn: string): void {
    record.settings = settings;
    record.model = toModel(record.model.id, settings, record.model.createdAt, this.nowIso());
    this.addActivity(record, "UPDATE", actorUrn);
  }

  remove(record: SubscriptionRecord, actorUrn: string): void {
    record.deleted = true;
    this.addActivity(record, "DELETE", actorUrn);
  }

  /** The company's live subscriptions. */
  forCompany(companyId: string): SubscriptionRecord[] {
    return [...this.byId.values()].filter((record) => record.companyId === companyId && !record.deleted);
  }

  /** The company's active subscriptions to an event, under whichever spelling they used. */
  subscribersOf(companyId: string, eventType: WebhookEventType): SubscriptionRecord[] {
    return this.forCompany(companyId).filter(
      (record) =>
        record.settings.status === "ACTIVE" &&
        record.settings.eventTypes.some((spelling) => canonicalEventType(spelling) === eventType),
    );
  }

  /** A live subscription by id alone, for deliveries (which already know their company). */
  live(id: string): SubscriptionRecord | undefined {
    const record = this.byId.get(id);
    return record?.deleted ? undefined : record;
  }

  /** The owning company, deleted or not (for the request log). */
  companyOf(id: string): string | undefined {
    return this.byId.get(id)?.companyId;
  }

  reset(): void {
    this.byId.clear();
    this.nextSeq = 1;
  }

  private addActivity(
    record: SubscriptionRecord,
    operationType: SubscriptionOperation,
    actorUrn: string,
  ): void {
    record.activities.push({
      seq: this.nextSeq++,
      model: {
        id: randomUUID(),
        subscriptionId: record.model.id,
        operationType,
        description: DESCRIPTIONS[operationType],
        actorUrn,
        createdAt: this.nowIso(),
      },
    });
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }
}

function toModel(
  id: string,
  settings: SubscriptionSettings,
  createdAt: string,
  updatedAt: string,
): SubscriptionModel {
  return {
    id,
    endpointUrl: settings.endpointUrl,
    eventTypes: [...settings.eventTypes],
    status: settings.status,
    ...(settings.customHeaders === undefined ? {} : { customHeaders: { ...settings.customHeaders } }),
    ...(settings.endpointAuth === undefined ? {} : { endpointAuth: { type: settings.endpointAuth.type } }),
    createdAt,
    updatedAt,
  };
}
