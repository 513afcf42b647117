import type { MoneyModel } from "./money.ts";

/** Wire shapes of Pleo's Export Items API (v3). Optional vs nullable fields: see money.ts. */

/** Amounts of an export item or line: in the supplier's currency and in the company wallet's currency. */
export interface ExportAmount {
  inSupplierCurrency: MoneyModel;
  inWalletCurrency: MoneyModel;
}

export interface ExportItemLine {
  accountingEntryLineId: string;
  lineAmount: ExportAmount;
  netAmount: ExportAmount;
  account?: { id: string; name: string; code?: string | null; identifier?: string | null } | null;
  tags?: { id: string; code: string; groupCode: string }[] | null;
  tax?: {
    id: string;
    rate: number;
    type: string;
    amount: ExportAmount;
    code?: string | null;
    ingoingTaxAccount?: string;
    outgoingTaxAccount?: string;
  } | null;
}

/** `ExportItemV3`: the denormalised view of an accounting entry that an export job hands to an integration. */
export interface ExportItemModel {
  accountingEntryId: string;
  companyId: string;
  date: string;
  type: string;
  subType?: string;
  note?: string | null;
  _links: { web?: Record<string, string>; mobile?: Record<string, string>; api?: Record<string, string> };
  amount: ExportAmount;
  accountingEntryLines: ExportItemLine[];
  additionalInformation: {
    reconciliationId: string;
    attendees?: string[] | null;
    reconciledEntries?: string[] | null;
    invoiceInformation?: {
      invoiceNumber: string;
      invoiceDate: string;
      status: string;
      dueDate?: string | null;
      paymentDate?: string | null;
    } | null;
  };
  bookkeeping?: { method: "none" | "journal" | "accounts_payable" } | null;
  contraAccount?: { id: string; name: string; code?: string | null; identifier?: string | null } | null;
  files?: { url: string; type: string; size: number }[] | null;
  servicePeriod?: { from: string; to: string } | null;
  supplier?: {
    name?: string | null;
    code?: string | null;
    account?: string | null;
    categoryCode?: string | null;
    country?: string | null;
    taxIdentifier?: string | null;
  } | null;
  team?: { id: string; name: string; code?: string | null } | null;
  user?: { id: string; name: string; code?: string | null } | null;
  vendor?: {
    id: string;
    name: string;
    defaultCurrency: string;
    code?: string;
    externalId?: string;
    country?: string;
    registrationNumber?: string;
    taxRegistrationNumber?: string;
  } | null;
}
