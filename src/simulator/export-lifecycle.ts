import { isoAt } from "./clock.ts";
import { SimHttpError, unprocessable, validationFailed } from "./errors.ts";
import { setItemStatus } from "./export-item-status.ts";
import type { AccountingEntryModel } from "./models/accounting-entry.ts";
import type { ExportJobModel, ExportJobStatus } from "./models/export-job.ts";
import { EXPORT_JOB_EXPIRY_SECONDS } from "./seed/export-jobs.ts";
import type { SimStore } from "./store.ts";

/**
 * Pleo's export lifecycle (v3), as the simulator enforces it:
 *
 *   pending ──started──▶ in_progress ──completed | completed_with_errors | failed──▶ (final)
 *      └────────────────────failed───────────────────────────────────────────────▶ (final)
 *
 * - One running (pending or in-progress) job per company: a second create is 409 EXPORT_ALREADY_IN_PROGRESS.
 * - Every other event is 422 INVALID_EXPORT_JOB_STATUS_CHANGE (e.g. `started` on a completed job).
 * - Items can be read and updated only while the job runs (422 EXPORT_JOB_STATUS_UNPROCESSABLE otherwise),
 *   at most 100 per update (413 EXPORT_JOB_ITEMS_UPDATE_LIMIT; see export-item-updates.ts).
 * - A running job expires one hour after its last update (a create, an event or an item update): it
 *   becomes `failed` with `job_expired`, and its unfinished items are abandoned. Expiry is applied lazily,
 *   whenever a request looks at export jobs, against the store's clock (which tests can move).
 */

export const EXPORT_JOB_EVENTS = ["started", "failed", "completed", "completed_with_errors"] as const;
export type ExportJobEvent = (typeof EXPORT_JOB_EVENTS)[number];

const EXPIRY_MS = EXPORT_JOB_EXPIRY_SECONDS * 1000;
const EXPIRED_REASON = "The export job received no update for one hour and expired.";

function isRunning(status: ExportJobStatus): boolean {
  return status === "pending" || status === "in_progress";
}

/** Fails every running job whose hour has passed (all companies, or one). */
export function expireStaleJobs(store: SimStore, companyId?: string): void {
  const now = store.now();
  const jobs = companyId === undefined ? store.exportJobs.all() : store.exportJobs.forCompany(companyId);
  for (const job of jobs) {
    if (!isRunning(job.status)) continue;
    const deadline = store.jobDeadlines.get(job.id);
    if (deadline !== undefined && deadline <= now) expire(store, job, deadline);
  }
}

function expire(store: SimStore, job: ExportJobModel, deadline: number): void {
  job.status = "failed";
  job.failureReason = EXPIRED_REASON;
  job.failureReasonType = "job_expired";
  job.expiredAt = isoAt(deadline);
  job.expiresIn = 0;
  store.jobDeadlines.delete(job.id);
  abandonUnfinishedItems(store, job);
}

/** A write to a running job: it is updated now and expires an hour from now. */
export function touch(store: SimStore, job: ExportJobModel): void {
  job.lastUpdatedAt = store.nowIso();
  job.expiresIn = EXPORT_JOB_EXPIRY_SECONDS;
  store.jobDeadlines.set(job.id, store.now() + EXPIRY_MS);
}

/** The company's running jobs, oldest first (after expiring stale ones). */
function runningJobs(store: SimStore, companyId: string): ExportJobModel[] {
  expireStaleJobs(store, companyId);
  return store.exportJobs
    .forCompany(companyId)
    .filter((job) => isRunning(job.status))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export interface CreateJobRequest {
  readonly companyId: string;
  readonly accountingEntryIds: readonly string[];
  readonly employeeId: string | null;
  readonly isInteractive: boolean;
  readonly vendorBasedBookkeeping: boolean;
}

/** `POST /v3/export-jobs`: a pending job with one pending item per entry; the entries become QUEUED. */
export function createJob(store: SimStore, request: CreateJobRequest): ExportJobModel {
  const { companyId } = request;
  if (!store.contraAccounts.has(companyId)) {
    throw new SimHttpError(
      400,
      "MISSING_CONTRA_ACCOUNTS",
      "Contra accounts are not fully configured. Please map contra accounts in the Accounting settings.",
    );
  }
  if (runningJobs(store, companyId).length > 0) {
    throw new SimHttpError(
      409,
      "EXPORT_ALREADY_IN_PROGRESS",
      "Export Job already in progress for this company.",
    );
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const entries: AccountingEntryModel[] = [];
  for (const id of request.accountingEntryIds) {
    if (seen.has(id)) {
      problems.push(`accounting entry ${id} is listed more than once`);
      continue;
    }
    seen.add(id);
    const entry = store.accountingEntries.get(id);
    if (!entry || entry.companyId !== companyId || entry.deletedAt !== undefined) {
      problems.push(`accounting entry ${id} does not exist in company ${companyId}`);
      continue;
    }
    entries.push(entry);
  }
  if (request.employeeId !== null && store.employees.get(request.employeeId)?.companyId !== companyId) {
    problems.push(`employee ${request.employeeId} does not exist in company ${companyId}`);
  }
  if (problems.length > 0) throw validationFailed(`Invalid export job: ${problems.join("; ")}.`);

  const now = store.nowIso();
  const job: ExportJobModel = {
    id: store.newId(),
    companyId,
    status: "pending",
    isInteractive: request.isInteractive,
    numberOfItems: entries.length,
    expiresIn: EXPORT_JOB_EXPIRY_SECONDS,
    vendorBasedBookkeeping: request.vendorBasedBookkeeping,
    createdAt: now,
    createdBy: request.employeeId,
    startedAt: null,
    completedAt: null,
    expiredAt: null,
    lastUpdatedAt: now,
    failureReason: null,
  };
  store.exportJobs.put(job);
  store.jobDeadlines.set(job.id, store.now() + EXPIRY_MS);
  store.exportJobItems.set(
    job.id,
    entries.map((entry) => {
      entry.exportStatus = "QUEUED";
      return { accountingEntryId: entry.id, exportJobId: job.id, status: "pending" };
    }),
  );
  return job;
}

export interface JobEvent {
  readonly event: ExportJobEvent;
  readonly failureReason?: string | null;
  readonly failureReasonType?: string | null;
}

const TRANSITIONS: Readonly<Record<ExportJobEvent, readonly ExportJobStatus[]>> = {
  started: ["pending"],
  completed: ["in_progress"],
  completed_with_errors: ["in_progress"],
  failed: ["pending", "in_progress"],
};

/** `POST /v3/export-job-events`. */
export function applyEvent(store: SimStore, job: ExportJobModel, event: JobEvent): void {
  if (event.event !== "failed" && (event.failureReason != null || event.failureReasonType != null)) {
    throw validationFailed("failureReason and failureReasonType may only accompany a 'failed' event.");
  }
  expireStaleJobs(store, job.companyId);
  if (!TRANSITIONS[event.event].includes(job.status)) {
    const why = job.failureReasonType === "job_expired" ? " (it expired one hour after its last update)" : "";
    throw unprocessable(
      "INVALID_EXPORT_JOB_STATUS_CHANGE",
      `Export job ${job.id} is ${job.status}${why}; the '${event.event}' event is not allowed.`,
    );
  }
  const now = store.nowIso();
  switch (event.event) {
    case "started":
      job.status = "in_progress";
      job.startedAt = now;
      touch(store, job);
      return;
    case "failed":
      job.status = "failed";
      job.failureReason = event.failureReason ?? null;
      if (event.failureReasonType != null) job.failureReasonType = event.failureReasonType;
      break;
    default:
      job.status = event.event;
      job.completedAt = now;
  }
  job.lastUpdatedAt = now;
  job.expiresIn = 0;
  store.jobDeadlines.delete(job.id);
  abandonUnfinishedItems(store, job);
}

/** Items a finished job never got to are abandoned; their entries are not exported. */
function abandonUnfinishedItems(store: SimStore, job: ExportJobModel): void {
  for (const item of store.exportJobItems.get(job.id) ?? []) {
    if (item.status === "pending" || item.status === "in_progress") setItemStatus(store, item, "abandoned");
  }
}

/** The items of a job, for reading: only while it runs. */
export function assertItemsAvailable(store: SimStore, job: ExportJobModel): void {
  expireStaleJobs(store, job.companyId);
  if (!isRunning(job.status)) {
    throw unprocessable(
      "EXPORT_JOB_STATUS_UNPROCESSABLE",
      `Export job ${job.id} is ${job.status}; only pending or in-progress jobs can be processed.`,
    );
  }
}
