import type { ExportItemAdditionalInformation, InvoiceInformation } from "../../pleo/models/export.ts";
import { builder } from "../builder.ts";

/** An export item's additional information: reconciliation ids, attendees and invoice details. */

type SupplierBankAccount = NonNullable<InvoiceInformation["supplierBankAccount"]>;
const ExportItemSupplierBankAccount = builder
  .objectRef<SupplierBankAccount>("ExportItemSupplierBankAccount")
  .implement({
    fields: (t) => ({
      bankName: t.exposeString("bankName"),
      country: t.string({ description: "ISO 3166 alpha-2 (or UNDEFINED).", resolve: (b) => b.country }),
      accountNumber: t.string({ nullable: true, resolve: (b) => b.accountNumber ?? null }),
      bankCode: t.string({ nullable: true, resolve: (b) => b.bankCode ?? null }),
      bic: t.string({ nullable: true, resolve: (b) => b.bic ?? null }),
      iban: t.string({ nullable: true, resolve: (b) => b.iban ?? null }),
    }),
  });

const ExportItemInvoiceInformation = builder
  .objectRef<InvoiceInformation>("ExportItemInvoiceInformation")
  .implement({
    description: "Invoice details, for export items of invoices.",
    fields: (t) => ({
      invoiceNumber: t.exposeString("invoiceNumber"),
      invoiceDate: t.string({ description: "As Pleo sends it (a date).", resolve: (i) => i.invoiceDate }),
      dueDate: t.string({ nullable: true, resolve: (i) => i.dueDate ?? null }),
      paymentDate: t.string({ nullable: true, resolve: (i) => i.paymentDate ?? null }),
      status: t.string({
        description:
          "Pleo's invoice status, e.g. pending_approval, ready, scheduled, payment_in_progress, paid, voided_by_user.",
        resolve: (i) => i.status,
      }),
      supplierBankAccount: t.field({
        type: ExportItemSupplierBankAccount,
        nullable: true,
        resolve: (i) => i.supplierBankAccount ?? null,
      }),
    }),
  });

export const ExportItemAdditionalInfo = builder
  .objectRef<ExportItemAdditionalInformation>("ExportItemAdditionalInformation")
  .implement({
    fields: (t) => ({
      reconciliationId: t.string({
        description: "The id to reconcile Pleo and the accounting system by (Pleo's book id).",
        resolve: (a) => a.reconciliationId,
      }),
      attendees: t.stringList({
        description: "Who attended (e.g. the guests of a business dinner).",
        resolve: (a) => (a.attendees ?? []).filter((x): x is string => x !== null),
      }),
      reconciledEntries: t.stringList({
        description: "For a reimbursement: the reconciliation ids of the expenses it settles.",
        resolve: (a) => (a.reconciledEntries ?? []).filter((x): x is string => x !== null),
      }),
      invoiceInformation: t.field({
        type: ExportItemInvoiceInformation,
        nullable: true,
        resolve: (a) => a.invoiceInformation ?? null,
      }),
    }),
  });
