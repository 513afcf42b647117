/** Wire shapes of Pleo's Chart of Accounts API. Optional vs nullable fields: see money.ts. */

/** `BookkeepingAccountRestModelV1`. */
export interface AccountModel {
  id: string;
  companyId: string;
  externalId: string;
  name: string;
  archived: boolean;
  code?: string | null;
  taxCodeExternalId?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** Why an item of `POST /v1/chart-of-accounts/batch` was not created (`BookkeepingAccountBatchFailedItemV1`). */
export const ACCOUNT_BATCH_FAILURE_REASONS = [
  "EXTERNAL_ID_ALREADY_EXISTS",
  "EXTERNAL_ID_TOO_LONG",
  "EXTERNAL_ID_EMPTY",
  "NAME_TOO_LONG",
  "NAME_EMPTY",
  "CODE_TOO_LONG",
  "OTHER",
] as const;
export type AccountBatchFailureReason = (typeof ACCOUNT_BATCH_FAILURE_REASONS)[number];
