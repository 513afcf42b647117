import type { AccountingEntryModel } from "../models/accounting-entry.ts";
import type { EmployeeModel } from "../models/employee.ts";
import type {
  ExportJobItemModel,
  ExportJobItemStatus,
  ExportJobModel,
  ExportJobStatus,
} from "../models/export-job.ts";
import { addMinutes, beforeReference, isoSeconds } from "./clock.ts";
import type { SimCompanyIdentity } from "./identities.ts";
import { NIL_UUID, seededUuid } from "./ids.ts";
import type { CompanyLocale } from "./locales/types.ts";
import { Prng } from "./prng.ts";

/** A job that is still open expires this many seconds after its last update (Pleo: one hour). */
export const EXPORT_JOB_EXPIRY_SECONDS = 3600;

/**
 * The export history of one company, oldest first, one job in every state: three months exported in
 * full, a run with some failed items, a run that expired (its entries were exported again by the next
 * job), a scheduled job in progress and an interactive job still pending. Each job takes the exportable
 * entries performed in its window (`fromDays` to `toDays` before the reference time).
 */
const HISTORY: readonly {
  readonly key: string;
  readonly status: ExportJobStatus;
  readonly createdDaysAgo: number;
  readonly fromDays: number;
  readonly toDays: number;
  readonly interactive: boolean;
}[] = [
  { key: "q1", status: "completed", createdDaysAgo: 240, fromDays: 400, toDays: 245, interactive: true },
  { key: "q2", status: "completed", createdDaysAgo: 150, fromDays: 245, toDays: 155, interactive: true },
  {
    key: "q3",
    status: "completed_with_errors",
    createdDaysAgo: 92,
    fromDays: 155,
    toDays: 95,
    interactive: true,
  },
  { key: "expired", status: "failed", createdDaysAgo: 61, fromDays: 95, toDays: 65, interactive: true },
  { key: "retry", status: "completed", createdDaysAgo: 60, fromDays: 95, toDays: 32, interactive: true },
  {
    key: "scheduled",
    status: "in_progress",
    createdDaysAgo: 2,
    fromDays: 32,
    toDays: 12,
    interactive: false,
  },
  { key: "pending", status: "pending", createdDaysAgo: 1, fromDays: 12, toDays: 3, interactive: true },
];

export interface GeneratedExports {
  readonly jobs: ExportJobModel[];
  readonly items: ExportJobItemModel[];
}

/** Whether an entry can be exported: settled, categorised with a real account, not deleted. */
function exportable(entry: AccountingEntryModel): boolean {
  return (
    (entry.status === "COMPLETED" || entry.status === "COMPLETED_EXTERNALLY") &&
    entry.deletedAt === undefined &&
    entry.accountId !== undefined &&
    entry.accountId !== NIL_UUID
  );
}

/**
 * Creates the jobs and their items, and sets each entry's `exportStatus` to match: EXPORTED once a job
 * exported it, EXPORTING while its item is in progress, QUEUED while waiting in an open job, NOT_EXPORTED
 * when its last attempt failed. Entries never picked up keep the status the entry seed gave them.
 */
export function generateExportJobs(
  identity: SimCompanyIdentity,
  locale: CompanyLocale,
  entries: AccountingEntryModel[],
  employees: readonly EmployeeModel[],
): GeneratedExports {
  const rng = new Prng(`${identity.slug}/export-jobs`);
  const bookkeeper = employees[1] ?? employees[0];
  const jobs: ExportJobModel[] = [];
  const items: ExportJobItemModel[] = [];
  let sequence = 1;

  for (const plan of HISTORY) {
    const jobId = seededUuid("export-job", identity.id, plan.key);
    const createdMs = beforeReference(plan.createdDaysAgo, rng.int(30, 400));
    const startedMs = plan.status === "pending" ? undefined : addMinutes(createdMs, rng.int(1, 4));
    const window = entries.filter((entry) => {
      const performed = Date.parse(entry.performedAt);
      return (
        exportable(entry) &&
        performed >= beforeReference(plan.fromDays) &&
        performed < beforeReference(plan.toDays)
      );
    });
    const jobItems = window.map((entry, index): ExportJobItemModel => {
      const status = itemStatus(plan.status, index, window.length, rng);
      const exportedMs =
        startedMs === undefined ? undefined : addMinutes(startedMs, 1 + Math.floor(index / 10));
      const base: ExportJobItemModel = { accountingEntryId: entry.id, exportJobId: jobId, status };
      if (status === "successful" && exportedMs !== undefined) {
        const externalId = erpDocumentId(locale, identity, entry, sequence++);
        base.exportedAt = isoSeconds(exportedMs);
        base.externalId = externalId;
        base.externalUrl = `${locale.erpUrl}?id=${encodeURIComponent(externalId)}`;
      } else if (status === "failed") {
        base.failureReason = `Account ${entry.accountCode ?? "?"} is not known in ${locale.accountingSystem}`;
        base.failureReasonType = "account_unknown";
      }
      entry.exportStatus = exportStatusFor(status);
      return base;
    });
    jobs.push(jobModel(identity, plan, jobId, createdMs, startedMs, jobItems.length, bookkeeper, rng));
    items.push(...jobItems);
  }
  return { jobs, items };
}

function itemStatus(job: ExportJobStatus, index: number, count: number, rng: Prng): ExportJobItemStatus {
  switch (job) {
    case "pending":
      return "pending";
    case "in_progress": {
      // The worker goes through the items in order: the first ones are done, one batch is being written.
      const done = Math.floor(count * 0.4);
      if (index < done) return "successful";
      if (index < done + Math.max(1, Math.floor(count * 0.15))) return "in_progress";
      return "pending";
    }
    case "failed":
      return "abandoned";
    case "completed_with_errors":
      return rng.chance(0.12) || index === 0 ? "failed" : "successful";
    default:
      return "successful";
  }
}

function exportStatusFor(status: ExportJobItemStatus): AccountingEntryModel["exportStatus"] {
  switch (status) {
    case "successful":
      return "EXPORTED";
    case "in_progress":
      return "EXPORTING";
    case "pending":
      return "QUEUED";
    default:
      return "NOT_EXPORTED";
  }
}

/** The document id the ERP gave the booking, in each ERP's own style. */
function erpDocumentId(
  locale: CompanyLocale,
  identity: SimCompanyIdentity,
  entry: AccountingEntryModel,
  n: number,
): string {
  const year = entry.performedAt.slice(0, 4);
  switch (locale.accountingSystem) {
    case "exact_online":
      return `MEM${year}${String(n).padStart(5, "0")}`;
    case "datev":
      return `BS-${year}-${String(n).padStart(5, "0")}`;
    case "octopus":
      return `PLEO/${year}/${String(n).padStart(4, "0")}`;
    default:
      return seededUuid("erp-document", identity.id, entry.id);
  }
}

function jobModel(
  identity: SimCompanyIdentity,
  plan: (typeof HISTORY)[number],
  jobId: string,
  createdMs: number,
  startedMs: number | undefined,
  numberOfItems: number,
  bookkeeper: EmployeeModel | undefined,
  rng: Prng,
): ExportJobModel {
  const open = plan.status === "pending" || plan.status === "in_progress";
  const runMinutes = 2 + Math.ceil(numberOfItems / 10);
  const finishedMs = startedMs === undefined ? undefined : addMinutes(startedMs, runMinutes);
  const lastUpdatedMs =
    plan.status === "pending"
      ? createdMs
      : plan.status === "in_progress"
        ? addMinutes(startedMs ?? createdMs, rng.int(3, 9))
        : plan.status === "failed"
          ? addMinutes(startedMs ?? createdMs, 4)
          : finishedMs;
  const model: ExportJobModel = {
    id: jobId,
    companyId: identity.id,
    status: plan.status,
    isInteractive: plan.interactive,
    numberOfItems,
    // Open jobs were just touched; finished jobs no longer expire.
    expiresIn: open ? EXPORT_JOB_EXPIRY_SECONDS : 0,
    vendorBasedBookkeeping: identity.country === "GB",
    createdAt: isoSeconds(createdMs),
    createdBy: plan.interactive && bookkeeper ? bookkeeper.id : null,
    startedAt: startedMs === undefined ? null : isoSeconds(startedMs),
    completedAt: open || plan.status === "failed" || finishedMs === undefined ? null : isoSeconds(finishedMs),
    expiredAt: null,
    lastUpdatedAt: lastUpdatedMs === undefined ? null : isoSeconds(lastUpdatedMs),
    failureReason: null,
  };
  if (plan.status === "failed" && lastUpdatedMs !== undefined) {
    model.expiredAt = isoSeconds(lastUpdatedMs + EXPORT_JOB_EXPIRY_SECONDS * 1000);
    model.failureReason = "The export job received no update for one hour and expired.";
    model.failureReasonType = "job_expired";
  }
  return model;
}
