import type {
  ExportAccount,
  ExportAmount,
  ExportItemLine as ExportItemLineModel,
  MoneyModel as PleoMoneyModel,
} from "../../pleo/models/export.ts";
import { builder } from "../builder.ts";
import { Money, type MoneyModel } from "./money.ts";
import { TaxCodeType } from "./tax-code.ts";

/** An export item's amounts and lines (account, tax and tags per line), as Pleo's export API states them. */

/** Pleo's `MoneyModel {currency, value}` (value in minor units) as the gateway's Money. */
function toMoney(money: PleoMoneyModel): MoneyModel {
  return { currency: money.currency, minors: money.value };
}

export const ExportItemAmount = builder.objectRef<ExportAmount>("ExportItemAmount").implement({
  description: "An amount in the supplier's currency and in the currency of the company's wallet.",
  fields: (t) => ({
    inSupplierCurrency: t.field({ type: Money, resolve: (a) => toMoney(a.inSupplierCurrency) }),
    inWalletCurrency: t.field({ type: Money, resolve: (a) => toMoney(a.inWalletCurrency) }),
  }),
});

export const ExportItemAccount = builder.objectRef<ExportAccount>("ExportItemAccount").implement({
  description:
    "An account as an export item names it: Pleo's id plus the accounting system's code/identifier.",
  fields: (t) => ({
    accountId: t.field({ type: "UUID", description: "Pleo's account id.", resolve: (a) => a.id }),
    name: t.exposeString("name"),
    code: t.string({
      nullable: true,
      description: "Account code or number.",
      resolve: (a) => a.code ?? null,
    }),
    identifier: t.string({
      nullable: true,
      description: "The account's identifier in the accounting system.",
      resolve: (a) => a.identifier ?? null,
    }),
  }),
});

type ExportTag = NonNullable<ExportItemLineModel["tags"]>[number];
const ExportItemTag = builder.objectRef<ExportTag>("ExportItemTag").implement({
  description: "A tag (cost centre) allocated to an export item line.",
  fields: (t) => ({
    tagId: t.field({ type: "UUID", description: "Pleo's tag id.", resolve: (g) => g.id }),
    code: t.exposeString("code"),
    groupCode: t.string({ description: "The code of the tag's group.", resolve: (g) => g.groupCode }),
  }),
});

type ExportTax = NonNullable<ExportItemLineModel["tax"]>;
const ExportItemTax = builder.objectRef<ExportTax>("ExportItemTax").implement({
  description: "The tax applied to an export item line.",
  fields: (t) => ({
    taxCodeId: t.field({ type: "UUID", description: "Pleo's tax code id.", resolve: (x) => x.id }),
    code: t.string({ nullable: true, resolve: (x) => x.code ?? null }),
    rate: t.float({ description: "A decimal fraction: 0.2 is 20 %.", resolve: (x) => x.rate }),
    type: t.field({ type: TaxCodeType, resolve: (x) => x.type }),
    amount: t.field({ type: ExportItemAmount, resolve: (x) => x.amount }),
    ingoingTaxAccount: t.string({ nullable: true, resolve: (x) => x.ingoingTaxAccount ?? null }),
    outgoingTaxAccount: t.string({ nullable: true, resolve: (x) => x.outgoingTaxAccount ?? null }),
  }),
});

export const ExportItemLine = builder.objectRef<ExportItemLineModel>("ExportItemLine").implement({
  description: "One line of an export item (an entry split over accounts has several).",
  fields: (t) => ({
    accountingEntryLineId: t.field({ type: "UUID", resolve: (l) => l.accountingEntryLineId }),
    lineAmount: t.field({ type: ExportItemAmount, resolve: (l) => l.lineAmount }),
    netAmount: t.field({
      type: ExportItemAmount,
      description: "The amount with or without tax, depending on the tax type.",
      resolve: (l) => l.netAmount,
    }),
    account: t.field({ type: ExportItemAccount, nullable: true, resolve: (l) => l.account ?? null }),
    tax: t.field({ type: ExportItemTax, nullable: true, resolve: (l) => l.tax ?? null }),
    tags: t.field({ type: [ExportItemTag], resolve: (l) => l.tags ?? [] }),
  }),
});
