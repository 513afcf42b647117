import type {
  AccountingEntryFamily,
  AccountingEntryModel,
  AccountingEntryTag,
} from "./models/accounting-entry.ts";
import type { ExportAmount, ExportItemLine, ExportItemModel } from "./models/export-item.ts";
import type { Money } from "./models/money.ts";
import type { TaxCodeModel } from "./models/tax-code.ts";
import { addDays, isoSeconds } from "./seed/clock.ts";
import { NIL_UUID, seededUuid } from "./seed/ids.ts";
import type { SimStore } from "./store.ts";

/**
 * Builds `ExportItemV3`, the denormalised view of an accounting entry that an export job hands to an
 * integration, from the store's current data. It is computed on every request rather than stored, so an
 * entry, account or vendor changed later shows up in the next fetch, as in Pleo.
 */
export function buildExportItem(store: SimStore, entry: AccountingEntryModel): ExportItemModel {
  const wallet = entry.totalBillValue ?? entry.transactionValue;
  const vendor = entry.supplier?.externalSupplierId
    ? store.vendorByExternalId(entry.companyId, entry.supplier.externalSupplierId)
    : undefined;
  const merchant = store.merchants.get(entry.id);
  const employee = entry.employeeId ? store.employees.get(entry.employeeId) : undefined;
  const team = entry.teamId ? store.teams.get(entry.teamId) : undefined;
  const contraId = store.contraAccounts.get(entry.companyId);
  const contra = contraId === undefined ? undefined : store.accounts.get(contraId);
  const receipts = store.receipts.get(entry.id) ?? [];
  const isInvoice = entry.family === "BILL_INVOICE" || entry.family === "CREDIT_NOTE";

  const lines: ExportItemLine[] =
    entry.splitItems.length > 0
      ? entry.splitItems.map((split) =>
          line(
            store,
            split.id,
            split.transactionValue ?? entry.transactionValue,
            split.totalBillValue ?? wallet,
            {
              accountId: split.accountId,
              taxCodeId: split.taxCodeId,
              tags: split.tags,
            },
          ),
        )
      : [
          line(store, seededUuid("export-line", entry.id), entry.transactionValue, wallet, {
            accountId: entry.accountId,
            taxCodeId: entry.taxCodeId,
            tags: entry.tags,
          }),
        ];

  const item: ExportItemModel = {
    accountingEntryId: entry.id,
    companyId: entry.companyId,
    date: entry.bookkeepingDate ?? entry.performedAt,
    type: exportType(entry.family, entry.subFamily),
    ...(entry.subFamily ? { subType: entry.subFamily.toLowerCase() } : {}),
    note: entry.note ?? null,
    _links: {
      web: { exportItem: `https://app.pleo.io/export/${entry.id}` },
      api: { exportItem: `https://external.pleo.io/v1/accounting-entries/${entry.id}` },
    },
    amount: { inSupplierCurrency: moneyModel(entry.transactionValue), inWalletCurrency: moneyModel(wallet) },
    accountingEntryLines: lines,
    additionalInformation: {
      reconciliationId: `PL-${entry.id.slice(0, 8).toUpperCase()}`,
      attendees:
        entry.attendees.length > 0 ? entry.attendees.map((a) => attendeeName(store, a.attendableId)) : null,
      reconciledEntries: null,
      invoiceInformation:
        isInvoice && entry.supplier?.documentNumber
          ? {
              invoiceNumber: entry.supplier.documentNumber,
              invoiceDate: entry.performedAt,
              status: entry.status === "COMPLETED_EXTERNALLY" ? "marked_as_paid" : "paid",
              dueDate: isoSeconds(addDays(Date.parse(entry.performedAt), 30)),
              paymentDate: entry.settledAt ?? null,
            }
          : null,
    },
    bookkeeping: { method: isInvoice ? "accounts_payable" : "journal" },
    contraAccount: contra
      ? { id: contra.id, name: contra.name, code: contra.code ?? null, identifier: contra.externalId }
      : null,
    files:
      receipts.length > 0
        ? receipts.map((receipt) => ({
            url: `https://receipts.pleo-simulator.invalid/${receipt.id}`,
            type: receipt.mimeType,
            size: receipt.sizeInBytes,
          }))
        : null,
    servicePeriod: isInvoice ? servicePeriod(entry.performedAt) : null,
    supplier: merchant
      ? {
          name: merchant.name,
          code: vendor?.code ?? null,
          account: null,
          categoryCode: merchant.categoryCode,
          country: merchant.country,
          taxIdentifier: vendor?.taxRegistrationNumber ?? null,
        }
      : null,
    team: team ? { id: team.id, name: team.name, code: team.code } : null,
    user: employee
      ? { id: employee.id, name: `${employee.firstName} ${employee.lastName}`, code: employee.code ?? null }
      : null,
    vendor: vendor
      ? {
          id: vendor.id,
          name: vendor.name,
          defaultCurrency: vendor.defaultCurrency,
          ...(vendor.code ? { code: vendor.code } : {}),
          ...(vendor.externalId ? { externalId: vendor.externalId } : {}),
          ...(vendor.country ? { country: vendor.country } : {}),
          ...(vendor.registrationNumber ? { registrationNumber: vendor.registrationNumber } : {}),
          ...(vendor.taxRegistrationNumber ? { taxRegistrationNumber: vendor.taxRegistrationNumber } : {}),
        }
      : null,
  };
  return item;
}

function moneyModel(money: Money): { currency: string; value: number } {
  return { currency: money.currency, value: money.minors };
}

/** One export line with its account, tags and tax; amounts are split into net and tax as the tax code says. */
function line(
  store: SimStore,
  lineId: string,
  supplierMoney: Money,
  walletMoney: Money,
  coding: { accountId?: string; taxCodeId?: string; tags: AccountingEntryTag[] },
): ExportItemLine {
  const account =
    coding.accountId && coding.accountId !== NIL_UUID ? store.accounts.get(coding.accountId) : undefined;
  const taxCode = coding.taxCodeId ? store.taxCodes.get(coding.taxCodeId) : undefined;
  const supplierTax = taxMinors(supplierMoney.minors, taxCode);
  const walletTax = taxMinors(walletMoney.minors, taxCode);
  const tags = coding.tags.flatMap((tag) => {
    const model = tag.tagId ? store.tags.get(tag.tagId) : undefined;
    const group = store.tagGroups.get(tag.tagGroupId);
    return model && group ? [{ id: model.id, code: model.code, groupCode: group.code }] : [];
  });
  const lineAmount: ExportAmount = {
    inSupplierCurrency: moneyModel(supplierMoney),
    inWalletCurrency: moneyModel(walletMoney),
  };
  // Reverse charge: the buyer self-assesses the VAT on top, so the net amount is the whole amount paid.
  const inclusive = taxCode?.type !== "reverse";
  const netAmount: ExportAmount = {
    inSupplierCurrency: {
      currency: supplierMoney.currency,
      value: supplierMoney.minors - (inclusive ? supplierTax : 0),
    },
    inWalletCurrency: {
      currency: walletMoney.currency,
      value: walletMoney.minors - (inclusive ? walletTax : 0),
    },
  };
  return {
    accountingEntryLineId: lineId,
    lineAmount,
    netAmount,
    account: account
      ? { id: account.id, name: account.name, code: account.code ?? null, identifier: account.externalId }
      : null,
    tags,
    tax: taxCode
      ? {
          id: taxCode.id,
          rate: taxCode.rate,
          type: taxCode.type,
          amount: {
            inSupplierCurrency: { currency: supplierMoney.currency, value: supplierTax },
            inWalletCurrency: { currency: walletMoney.currency, value: walletTax },
          },
          code: taxCode.code ?? null,
          ...(taxCode.ingoingTaxAccount ? { ingoingTaxAccount: taxCode.ingoingTaxAccount } : {}),
          ...(taxCode.outgoingTaxAccount ? { outgoingTaxAccount: taxCode.outgoingTaxAccount } : {}),
        }
      : null,
  };
}

/** VAT in minor units: contained in the gross for inclusive codes, on top of it for reverse charge. */
function taxMinors(gross: number, taxCode: TaxCodeModel | undefined): number {
  if (!taxCode || taxCode.rate === 0) return 0;
  if (taxCode.type === "inclusive") return Math.round((gross * taxCode.rate) / (1 + taxCode.rate));
  return Math.round(gross * taxCode.rate);
}

function attendeeName(store: SimStore, attendableId: string): string {
  const employee = store.employees.get(attendableId);
  return employee ? `${employee.firstName} ${employee.lastName}` : "External contact";
}

/** Invoices cover the calendar month they were issued in. */
function servicePeriod(performedAt: string): { from: string; to: string } {
  const date = new Date(performedAt);
  const from = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const to = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
  return { from: isoSeconds(from), to: isoSeconds(to) };
}

/** Pleo's export item `type` for an accounting entry family (and sub-family where it decides). */
function exportType(family: AccountingEntryFamily, subFamily: string | undefined): string {
  switch (family) {
    case "CARD_PURCHASE":
      return subFamily === "ATM" ? "atm_withdrawal" : "card_purchase";
    case "OUT_OF_POCKET":
      return "out_of_pocket";
    case "MILEAGE":
      return "mileage";
    case "PER_DIEM":
      return "per_diem";
    case "BILL_INVOICE":
      return "invoice";
    case "BILL_INVOICE_PAYMENT":
      return "invoice_payment";
    case "CASHBACK":
      return "cashback";
    case "CREDIT_NOTE":
      return "refund";
    case "REIMBURSEMENT":
      return "direct_reimbursement";
    case "WALLET":
    case "BALANCE_AMENDMENT":
      return subFamily === "LOAD" ? "wallet_topup" : "wallet_unload";
    default:
      return "fee";
  }
}
