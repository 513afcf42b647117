import { z } from "zod";
import { isUuid } from "../pleo/models/common.ts";

/**
 * A delivery's body, `{data, eventId, eventType}` (Pleo's integration notes): only the event type, the
 * company and the resource id are read. The resource itself is never trusted from here: subscribers
 * re-fetch it with their own credential.
 */
const deliveryBody = z.object({
  eventType: z.string().min(1).max(200),
  data: z
    .object({
      id: z.string().optional(),
      companyId: z.string().optional(),
      vendorId: z.string().optional(),
      exportJobId: z.string().optional(),
      jobId: z.string().optional(),
    })
    .loose(),
});

export interface DeliveryPayload {
  readonly eventType: string;
  /** Lower-case, when the payload names a valid one. */
  readonly companyId: string | undefined;
  /** Lower-case, when the payload names a valid one. */
  readonly resourceId: string | undefined;
}

/** The payload's fields the gateway routes by, or undefined for a body that is not such a payload. */
export function parseDeliveryPayload(body: Uint8Array): DeliveryPayload | undefined {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return undefined;
  }
  const parsed = deliveryBody.safeParse(json);
  if (!parsed.success) return undefined;
  const { data } = parsed.data;
  return {
    eventType: parsed.data.eventType,
    companyId: uuidOrUndefined(data.companyId),
    // Pleo documents no field name for the resource: its own `id` first, then the named ones.
    resourceId: uuidOrUndefined(data.id ?? data.vendorId ?? data.exportJobId ?? data.jobId),
  };
}

function uuidOrUndefined(value: string | undefined): string | undefined {
  return value !== undefined && isUuid(value) ? value.toLowerCase() : undefined;
}
