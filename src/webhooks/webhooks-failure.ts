import { ErrorCode } from "../errors.ts";

type WebhooksFailureCode =
  | typeof ErrorCode.WEBHOOKS_NOT_CONFIGURED
  | typeof ErrorCode.WEBHOOK_SECRET_STORE_UNAVAILABLE;

/**
 * Why the gateway cannot manage a company's webhook subscriptions right now: it has no public URL or
 * no key to seal secrets with (WEBHOOKS_NOT_CONFIGURED), or its secret store is unreachable
 * (WEBHOOK_SECRET_STORE_UNAVAILABLE; a subscription Pleo created meanwhile was removed again).
 */
export class WebhooksUnavailable extends Error {
  constructor(
    readonly code: WebhooksFailureCode,
    message: string,
    readonly companyId: string | null,
  ) {
    super(message);
    this.name = "WebhooksUnavailable";
  }
}

export const WEBHOOKS_FAILURE_CODES: readonly WebhooksFailureCode[] = [
  ErrorCode.WEBHOOKS_NOT_CONFIGURED,
  ErrorCode.WEBHOOK_SECRET_STORE_UNAVAILABLE,
];
