import type { AccountModel } from "../models/account.ts";
import type {
  AccountingEntryFamily,
  AccountingEntryModel,
  AccountingEntryStatus,
  AccountingEntrySubFamily,
  AccountingEntryTag,
  MerchantRecord,
  ReceiptFile,
  ReviewStatus,
  SplitItem,
} from "../models/accounting-entry.ts";
import type { EmployeeModel } from "../models/employee.ts";
import type { Money } from "../models/money.ts";
import type { TagModel } from "../models/tag.ts";
import type { TaxCodeModel } from "../models/tax-code.ts";
import type { VendorModel } from "../models/vendor.ts";
import {
  addDays,
  addMinutes,
  beforeReference,
  isoSeconds,
  notAfterReference,
  REFERENCE_MS,
  startOfDay,
} from "./clock.ts";
import type { SimCompanyIdentity } from "./identities.ts";
import { NIL_UUID, seededUuid } from "./ids.ts";
import type { AccountRole, CompanyLocale, SpendCategory } from "./locales/types.ts";
import type { MasterData } from "./master-data.ts";
import { Prng } from "./prng.ts";
import { convertMinors, SPEND_PROFILES } from "./spend-profiles.ts";

/** Entries per company: twelve monthly Pleo subscription invoices plus this many other entries. */
const RANDOM_ENTRIES = 288;

/** How often each family occurs, roughly as in a small company's year on Pleo. */
const FAMILY_WEIGHTS: readonly (readonly [AccountingEntryFamily, number])[] = [
  ["CARD_PURCHASE", 58],
  ["OUT_OF_POCKET", 10],
  ["BILL_INVOICE", 8],
  ["BILL_INVOICE_PAYMENT", 4],
  ["MILEAGE", 4],
  ["PER_DIEM", 3],
  ["WALLET", 4],
  ["REIMBURSEMENT", 3],
  ["CREDIT_NOTE", 2],
  ["CASHBACK", 1],
  ["OVERDRAFT", 1],
  ["BALANCE_AMENDMENT", 1],
];

/** Statutory or customary allowances, in minor units of the company currency. */
const MILEAGE_MINORS_PER_KM: Readonly<Record<string, number>> = { NL: 23, DE: 30, BE: 44, GB: 45 };
const PER_DIEM_MINORS_PER_DAY: Readonly<Record<string, number>> = { NL: 4500, DE: 2800, BE: 4200, GB: 2500 };
const PLEO_SUBSCRIPTION_MINORS: Readonly<Record<string, number>> = { NL: 7900, DE: 7900, BE: 5900, GB: 6900 };

export interface GeneratedEntries {
  readonly entries: AccountingEntryModel[];
  readonly receipts: ReceiptFile[];
  readonly merchants: MerchantRecord[];
}

interface VendorChoice {
  readonly vendor: VendorModel;
  readonly category: SpendCategory;
}

/** Everything a single entry is built from; one instance per company. */
class EntryFactory {
  private readonly rng: Prng;
  private readonly accountsByRole = new Map<AccountRole, AccountModel>();
  private readonly taxByCode = new Map<string, TaxCodeModel>();
  private readonly vendorChoices: VendorChoice[];
  private readonly bookkeeper: EmployeeModel;
  readonly entries: AccountingEntryModel[] = [];
  readonly receipts: ReceiptFile[] = [];
  readonly merchants: MerchantRecord[] = [];

  constructor(
    private readonly identity: SimCompanyIdentity,
    private readonly locale: CompanyLocale,
    private readonly master: MasterData,
  ) {
    this.rng = new Prng(`${identity.slug}/accounting-entries`);
    locale.accounts.forEach((account, index) => {
      const model = master.accounts[index];
      if (account.role !== undefined && !account.archived && model)
        this.accountsByRole.set(account.role, model);
    });
    for (const taxCode of master.taxCodes) if (taxCode.code) this.taxByCode.set(taxCode.code, taxCode);
    this.vendorChoices = locale.vendors.flatMap((vendor, index) => {
      const model = master.vendors[index];
      return model ? [{ vendor: model, category: vendor.category }] : [];
    });
    const bookkeeper = master.employees[1] ?? master.employees[0];
    if (!bookkeeper) throw new Error(`${identity.slug}: the seed needs at least one employee`);
    this.bookkeeper = bookkeeper;
  }

  generate(): void {
    for (let month = 0; month < 12; month++) this.pleoInvoice(month);
    for (let index = 0; index < RANDOM_ENTRIES; index++) {
      const family = this.rng.weighted(FAMILY_WEIGHTS);
      const id = seededUuid("accounting-entry", this.identity.id, String(index));
      this.entries.push(this.entry(id, family));
    }
    this.entries.sort((a, b) => a.performedAt.localeCompare(b.performedAt) || a.id.localeCompare(b.id));
  }

  private entry(id: string, family: AccountingEntryFamily): AccountingEntryModel {
    switch (family) {
      case "CARD_PURCHASE":
      case "OUT_OF_POCKET":
      case "BILL_INVOICE":
      case "CREDIT_NOTE":
        return this.purchase(id, family);
      case "BILL_INVOICE_PAYMENT":
        return this.invoicePayment(id);
      case "MILEAGE":
        return this.allowance(id, "MILEAGE");
      case "PER_DIEM":
        return this.allowance(id, "PER_DIEM");
      default:
        return this.walletMovement(id, family);
    }
  }

  /** Card purchases, out-of-pocket expenses, supplier invoices and credit notes: money spent on something. */
  private purchase(id: string, family: "CARD_PURCHASE" | "OUT_OF_POCKET" | "BILL_INVOICE" | "CREDIT_NOTE") {
    const rng = this.rng;
    const candidates = this.vendorChoices.filter(({ category }) => {
      const profile = SPEND_PROFILES[category];
      if (family === "BILL_INVOICE") return profile.invoiced;
      if (family === "OUT_OF_POCKET") return profile.outOfPocket;
      if (family === "CREDIT_NOTE") return profile.invoiced || profile.online;
      return category !== "rent" && category !== "consulting";
    });
    const choice = rng.pick(candidates);
    const profile = SPEND_PROFILES[choice.category];
    // Draft vendors are not in the ERP yet, and some merchants are never matched to a vendor at all.
    const linked =
      choice.vendor.externalId !== undefined && rng.chance(family === "OUT_OF_POCKET" ? 0.6 : 0.93);
    const daysAgo = this.daysAgo();
    const performedMs = beforeReference(daysAgo, rng.int(0, 13 * 60));
    const status = this.status(family, daysAgo);
    const currency = choice.vendor.defaultCurrency;
    const companyMinors =
      rng.int(profile.minMajor * 100, profile.maxMajor * 100) * (family === "CREDIT_NOTE" ? -1 : 1);
    const employee =
      family === "BILL_INVOICE" || family === "CREDIT_NOTE"
        ? this.bookkeeper
        : rng.pick(this.master.employees);
    const domestic = (choice.vendor.country ?? this.identity.country) === this.identity.country;
    const taxCode = this.tax(
      domestic
        ? this.locale.categoryTax[choice.category]
        : profile.service
          ? this.locale.reverseChargeTax
          : this.locale.noVatTax,
    );
    const subFamily: AccountingEntrySubFamily | undefined =
      family === "CARD_PURCHASE" ? (profile.online ? "ONLINE" : "IN_STORE") : undefined;
    const invoiceLike = family === "BILL_INVOICE" || family === "CREDIT_NOTE";
    const accountChoice = rng.next();
    // Most entries are categorised; a few are not yet, and a few carry Pleo's "I don't know" account.
    const account =
      family === "CARD_PURCHASE" && accountChoice < 0.02
        ? "unknown"
        : (family === "CARD_PURCHASE" || family === "OUT_OF_POCKET") && accountChoice < 0.06
          ? undefined
          : this.accountsByRole.get(choice.category);
    const entry = this.base({
      id,
      family,
      subFamily,
      status,
      performedMs,
      transactionValue: { currency, minors: convertMinors(companyMinors, this.identity.currency, currency) },
      companyMinors,
      employee,
      account,
      taxCode: account === undefined ? undefined : taxCode,
      tags: this.tags(daysAgo),
      attendees: choice.category === "meals" || choice.category === "entertainment",
      receipts: family === "CARD_PURCHASE" ? (rng.chance(0.88) ? (rng.chance(0.05) ? 2 : 1) : 0) : 1,
      receiptMime: invoiceLike ? "application/pdf" : undefined,
      supplier: linked
        ? {
            externalSupplierId: choice.vendor.externalId,
            ...(invoiceLike
              ? { documentNumber: this.documentNumber(choice.vendor, performedMs), documentType: "INVOICE" }
              : {}),
          }
        : undefined,
    });
    this.merchants.push({
      accountingEntryId: id,
      name: choice.vendor.name,
      categoryCode: profile.mcc,
      country: choice.vendor.country ?? this.identity.country,
    });
    if (
      family === "CARD_PURCHASE" &&
      Math.abs(companyMinors) >= 10_000 &&
      rng.chance(0.12) &&
      entry.status !== "DRAFT"
    ) {
      entry.splitItems = this.splits(entry, companyMinors, choice.category, daysAgo);
      const first = entry.splitItems[0];
      if (first?.accountId) {
        entry.accountId = first.accountId;
        entry.accountCode = first.accountCode;
        entry.taxCodeId = first.taxCodeId;
      }
    }
    return entry;
  }

  /** A supplier invoice paid from the Pleo wallet: no expense account, linked to the vendor and invoice. */
  private invoicePayment(id: string): AccountingEntryModel {
    const rng = this.rng;
    const choice = rng.pick(
      this.vendorChoices.filter((c) => SPEND_PROFILES[c.category].invoiced && c.vendor.externalId),
    );
    const profile = SPEND_PROFILES[choice.category];
    const daysAgo = this.daysAgo();
    const performedMs = beforeReference(daysAgo, rng.int(0, 8 * 60));
    const companyMinors = rng.int(profile.minMajor * 100, profile.maxMajor * 100);
    const currency = choice.vendor.defaultCurrency;
    this.merchants.push({
      accountingEntryId: id,
      name: choice.vendor.name,
      categoryCode: profile.mcc,
      country: choice.vendor.country ?? this.identity.country,
    });
    return this.base({
      id,
      family: "BILL_INVOICE_PAYMENT",
      subFamily: rng.chance(0.05) ? "BILL_INVOICE_PAYMENT_RETURNED" : undefined,
      status: "COMPLETED",
      performedMs,
      transactionValue: { currency, minors: convertMinors(companyMinors, this.identity.currency, currency) },
      companyMinors,
      employee: this.bookkeeper,
      account: undefined,
      taxCode: undefined,
      tags: [],
      attendees: false,
      receipts: 0,
      supplier: {
        externalSupplierId: choice.vendor.externalId,
        documentNumber: this.documentNumber(choice.vendor, performedMs),
      },
    });
  }

  /** Mileage and per-diem claims: statutory allowances, no VAT, no merchant. */
  private allowance(id: string, family: "MILEAGE" | "PER_DIEM"): AccountingEntryModel {
    const rng = this.rng;
    const daysAgo = this.daysAgo();
    const country = this.identity.country;
    const kilometres = rng.int(12, 320);
    const days = rng.int(1, 4);
    const companyMinors =
      family === "MILEAGE"
        ? kilometres * (MILEAGE_MINORS_PER_KM[country] ?? 30)
        : days * (PER_DIEM_MINORS_PER_DAY[country] ?? 3000);
    return this.base({
      id,
      family,
      subFamily: undefined,
      status: this.status(family, daysAgo),
      performedMs: beforeReference(daysAgo, rng.int(0, 10 * 60)),
      transactionValue: { currency: this.identity.currency, minors: companyMinors },
      companyMinors,
      employee: rng.pick(this.master.employees),
      account: this.accountsByRole.get(family === "MILEAGE" ? "mileage" : "per_diem"),
      taxCode: this.tax(this.locale.noVatTax),
      tags: this.tags(daysAgo),
      attendees: false,
      receipts: 0,
      note: family === "MILEAGE" ? `${kilometres} km` : `${days} ×`,
      supplier: undefined,
    });
  }

  /** Money moving in or out of the wallet itself: top-ups, reimbursements, cashback, fees, corrections. */
  private walletMovement(id: string, family: AccountingEntryFamily): AccountingEntryModel {
    const rng = this.rng;
    const daysAgo = this.daysAgo();
    let subFamily: AccountingEntrySubFamily | undefined;
    let companyMinors: number;
    let role: AccountRole;
    let employee: EmployeeModel | undefined;
    switch (family) {
      case "WALLET":
        subFamily = rng.weighted([
          ["LOAD", 17],
          ["UNLOAD", 2],
          ["WITHDRAWAL", 1],
        ] as const);
        companyMinors = rng.int(4, 40) * 50_000;
        role = "wallet";
        break;
      case "REIMBURSEMENT":
        subFamily = rng.chance(0.85) ? "REIMBURSEMENT_TO_EMPLOYEE" : "REIMBURSEMENT_TO_COMPANY";
        companyMinors = rng.int(2_000, 60_000);
        role = "suspense";
        employee = rng.pick(this.master.employees);
        break;
      case "CASHBACK":
        companyMinors = rng.int(500, 8_000);
        role = "cashback";
        break;
      case "OVERDRAFT":
        subFamily = rng.chance(0.6) ? "FEE" : "INTEREST";
        companyMinors = rng.int(1_000, 6_000);
        role = "interest";
        break;
      default:
        subFamily = rng.chance(0.5) ? "LOAD" : "UNLOAD";
        companyMinors = rng.int(100, 5_000);
        role = "suspense";
    }
    return this.base({
      id,
      family,
      subFamily,
      status: "COMPLETED",
      performedMs: beforeReference(daysAgo, rng.int(0, 10 * 60)),
      transactionValue: { currency: this.identity.currency, minors: companyMinors },
      companyMinors,
      employee,
      account: this.accountsByRole.get(role),
      taxCode: undefined,
      tags: [],
      attendees: false,
      receipts: 0,
      supplier: undefined,
    });
  }

  /** Pleo's own monthly subscription invoice, on the first of each month. */
  private pleoInvoice(monthsAgo: number): void {
    const reference = new Date(REFERENCE_MS);
    const performedMs = Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() - monthsAgo, 1, 6, 0, 0);
    const pleo = this.vendorChoices.find((c) => c.vendor.name.startsWith("Pleo Technologies"));
    const companyMinors = PLEO_SUBSCRIPTION_MINORS[this.identity.country] ?? 7900;
    const id = seededUuid("accounting-entry", this.identity.id, "pleo-invoice", String(monthsAgo));
    if (pleo) {
      this.merchants.push({
        accountingEntryId: id,
        name: pleo.vendor.name,
        categoryCode: "5734",
        country: "DK",
      });
    }
    this.entries.push(
      this.base({
        id,
        family: "PLEO_INVOICE",
        subFamily: "PLEO_INVOICE",
        status: "COMPLETED",
        performedMs,
        transactionValue: { currency: this.identity.currency, minors: companyMinors },
        companyMinors,
        employee: undefined,
        account: this.accountsByRole.get("software"),
        taxCode: this.tax(this.locale.reverseChargeTax),
        tags: [],
        attendees: false,
        receipts: 1,
        receiptMime: "application/pdf",
        supplier: pleo?.vendor.externalId
          ? {
              externalSupplierId: pleo.vendor.externalId,
              documentNumber: `PLEO-${isoSeconds(performedMs).slice(0, 7)}`,
            }
          : undefined,
      }),
    );
  }

  private base(spec: {
    id: string;
    family: AccountingEntryFamily;
    subFamily: AccountingEntrySubFamily | undefined;
    status: AccountingEntryStatus;
    performedMs: number;
    transactionValue: Money;
    companyMinors: number;
    employee: EmployeeModel | undefined;
    account: AccountModel | "unknown" | undefined;
    taxCode: TaxCodeModel | undefined;
    tags: AccountingEntryTag[];
    attendees: boolean;
    receipts: number;
    receiptMime?: string;
    note?: string;
    supplier: AccountingEntryModel["supplier"];
  }): AccountingEntryModel {
    const rng = this.rng;
    const { id, status, performedMs } = spec;
    const createdMs = notAfterReference(addMinutes(performedMs, rng.int(1, 25)));
    const settles = status === "COMPLETED" || status === "COMPLETED_EXTERNALLY";
    const settleDelayDays = spec.family === "CARD_PURCHASE" ? rng.int(1, 3) : 0;
    const settledMs = settles
      ? notAfterReference(addMinutes(addDays(performedMs, settleDelayDays), rng.int(30, 600)))
      : undefined;
    const updatedMs = notAfterReference(
      addMinutes(Math.max(createdMs, settledMs ?? createdMs), rng.int(5, 2_000)),
    );
    const booked = status !== "DRAFT" && status !== "CANCELLED" && status !== "REJECTED";
    const deleted = status === "CANCELLED" && rng.chance(0.5);
    const receiptIds: string[] = [];
    for (let n = 0; n < spec.receipts; n++) {
      const receiptId = seededUuid("receipt", id, String(n));
      receiptIds.push(receiptId);
      this.receipts.push({
        id: receiptId,
        accountingEntryId: id,
        mimeType:
          spec.receiptMime ??
          rng.weighted([
            ["image/jpeg", 6],
            ["application/pdf", 3],
            ["image/png", 1],
          ] as const),
        sizeInBytes: rng.int(35_000, 1_800_000),
      });
    }
    const account = spec.account;
    const entry: AccountingEntryModel = {
      id,
      companyId: this.identity.id,
      createdAt: isoSeconds(createdMs),
      updatedAt: isoSeconds(updatedMs),
      performedAt: isoSeconds(performedMs),
      status,
      family: spec.family,
      ...(spec.subFamily ? { subFamily: spec.subFamily } : {}),
      // Provisional: the export-job seed overwrites this once it knows which entries were exported.
      exportStatus: booked ? "CREATED" : "NOT_CREATED",
      reviewStatus: this.reviewStatus(spec.family, status, performedMs),
      transactionValue: spec.transactionValue,
      totalBillValue: { currency: this.identity.currency, minors: spec.companyMinors },
      receiptIds,
      attendees: spec.attendees ? this.attendees(id) : [],
      tags: spec.tags,
      splitItems: [],
      ...(account === "unknown"
        ? { accountId: NIL_UUID }
        : account
          ? { accountId: account.id, ...(account.code ? { accountCode: account.code } : {}) }
          : {}),
      ...(spec.taxCode ? { taxCodeId: spec.taxCode.id } : {}),
      ...(spec.employee
        ? { employeeId: spec.employee.id, teamId: this.master.employeeTeams.get(spec.employee.id) }
        : {}),
      ...(booked ? { bookkeepingDate: isoSeconds(startOfDay(performedMs)) } : {}),
      ...(settledMs === undefined ? {} : { settledAt: isoSeconds(settledMs) }),
      ...(deleted ? { deletedAt: isoSeconds(updatedMs) } : {}),
      ...(spec.note !== undefined
        ? { note: spec.note }
        : rng.chance(0.3) && spec.employee
          ? { note: rng.pick(this.locale.notes) }
          : {}),
      ...(spec.supplier ? { supplier: spec.supplier } : {}),
    };
    return entry;
  }

  /** Days before the reference time; skewed towards recent months, as for a company that is growing. */
  private daysAgo(): number {
    return Math.min(364, Math.floor(365 * this.rng.next() ** 1.35));
  }

  private status(family: AccountingEntryFamily, daysAgo: number): AccountingEntryStatus {
    const rng = this.rng;
    if (family === "OUT_OF_POCKET" || family === "MILEAGE" || family === "PER_DIEM") {
      if (daysAgo < 45 && rng.chance(0.5)) return "DRAFT";
      if (rng.chance(0.05)) return "REJECTED";
      if (rng.chance(0.03)) return "CANCELLED";
      return "COMPLETED";
    }
    if (family === "CARD_PURCHASE") {
      if (daysAgo <= 6 && rng.chance(0.8)) return "PENDING";
      if (rng.chance(0.015)) return "ERROR";
      if (rng.chance(0.025)) return "CANCELLED";
      return "COMPLETED";
    }
    if (family === "BILL_INVOICE" && rng.chance(0.35)) return "COMPLETED_EXTERNALLY";
    return "COMPLETED";
  }

  private reviewStatus(
    family: AccountingEntryFamily,
    status: AccountingEntryStatus,
    performedMs: number,
  ): ReviewStatus {
    const rng = this.rng;
    const spend = ["CARD_PURCHASE", "OUT_OF_POCKET", "MILEAGE", "PER_DIEM", "BILL_INVOICE", "CREDIT_NOTE"];
    if (!spend.includes(family)) return "NOT_REQUIRED";
    if (status === "DRAFT" || status === "PENDING") return "NOT_SET";
    if (status === "REJECTED") return "NOT_OK";
    if (status === "CANCELLED") return "NOT_REQUIRED";
    if (REFERENCE_MS - performedMs < 30 * 24 * 3_600_000) {
      return rng.weighted([
        ["WAITING_FOR_REVIEWER", 3],
        ["WAITING_FOR_EXPENSE_OWNER", 1],
        ["WAITING_FOR_TEAM_REVIEWER", 1],
        ["WAITING_FOR_COMPANY_REVIEWER", 1],
        ["WAITING_FOR_TAG_REVIEWER", 1],
        ["OK", 3],
        ["NOT_SET", 2],
      ] as const);
    }
    return rng.weighted([
      ["OK", 12],
      ["NOT_REQUIRED", 8],
      ["NOT_SET", 2],
      ["NOT_OK", 1],
    ] as const);
  }

  private tax(code: string): TaxCodeModel {
    const taxCode = this.taxByCode.get(code);
    if (!taxCode) throw new Error(`${this.identity.slug}: unknown seed tax code ${code}`);
    return taxCode;
  }

  /** Department on most entries, cost centre on many, project on some; archived tags only on older entries. */
  private tags(daysAgo: number): AccountingEntryTag[] {
    const rng = this.rng;
    const chances = [0.9, 0.35, 0.7];
    const tags: AccountingEntryTag[] = [];
    this.master.tagGroups.forEach((group, index) => {
      if (!rng.chance(chances[index] ?? 0.3)) return;
      const pool = this.master.tags.filter(
        (t: TagModel) => t.groupId === group.id && (daysAgo > 200 || !t.archived),
      );
      if (pool.length > 0) tags.push({ tagGroupId: group.id, tagId: rng.pick(pool).id });
    });
    return tags;
  }

  private attendees(entryId: string): AccountingEntryModel["attendees"] {
    const rng = this.rng;
    if (!rng.chance(0.45)) return [];
    const count = rng.int(1, 3);
    return Array.from({ length: count }, (_, n) => {
      const colleague = rng.chance(0.5);
      return {
        id: seededUuid("attendee", entryId, String(n)),
        attendableId: colleague
          ? rng.pick(this.master.employees).id
          : seededUuid("contact", this.identity.id, String(rng.int(1, 25))),
        attendableType: colleague ? "EMPLOYEE" : "CONTACT",
      };
    });
  }

  /** Splits a larger card purchase over two or three accounts (a hotel bill with dinner and parking, say). */
  private splits(
    entry: AccountingEntryModel,
    companyMinors: number,
    category: SpendCategory,
    daysAgo: number,
  ): SplitItem[] {
    const rng = this.rng;
    const extra: SpendCategory[] = ["meals", "parking", "office", "entertainment"];
    const categories = [
      category,
      ...rng.sample(
        extra.filter((c) => c !== category),
        rng.int(1, 2),
      ),
    ];
    const transaction = entry.transactionValue;
    let companyLeft = companyMinors;
    let transactionLeft = transaction.minors;
    return categories.map((part, index): SplitItem => {
      const last = index === categories.length - 1;
      const share = last ? 1 : rng.int(25, 60) / 100;
      const partCompany = last ? companyLeft : Math.round(companyMinors * share);
      const partTransaction = last ? transactionLeft : Math.round(transaction.minors * share);
      companyLeft -= partCompany;
      transactionLeft -= partTransaction;
      const account = this.accountsByRole.get(part);
      const taxCode = this.tax(this.locale.categoryTax[part]);
      return {
        id: seededUuid("split-item", entry.id, String(index)),
        createdAt: entry.updatedAt,
        updatedAt: entry.updatedAt,
        tags: this.tags(daysAgo),
        ...(account ? { accountId: account.id, ...(account.code ? { accountCode: account.code } : {}) } : {}),
        taxCodeId: taxCode.id,
        totalBillValue: { currency: this.identity.currency, minors: partCompany },
        transactionValue: { currency: transaction.currency, minors: partTransaction },
      };
    });
  }

  private documentNumber(vendor: VendorModel, performedMs: number): string {
    const initials = vendor.name
      .replace(/[^A-Za-z ]/g, "")
      .split(" ")
      .filter(Boolean)
      .slice(0, 3)
      .map((word) => word[0]?.toUpperCase() ?? "")
      .join("");
    return `${initials || "INV"}-${isoSeconds(performedMs).slice(0, 4)}-${String(this.rng.int(1, 9999)).padStart(4, "0")}`;
  }
}

export function generateAccountingEntries(
  identity: SimCompanyIdentity,
  locale: CompanyLocale,
  master: MasterData,
): GeneratedEntries {
  const factory = new EntryFactory(identity, locale, master);
  factory.generate();
  return { entries: factory.entries, receipts: factory.receipts, merchants: factory.merchants };
}
