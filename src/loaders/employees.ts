import DataLoader from "dataloader";
import { ErrorCode, GatewayError } from "../errors.ts";
import { getEmployee, listEmployees } from "../pleo/apis/employees.ts";
import type { BoundCredential } from "../pleo/credential.ts";
import type { Employee, EmployeeSearch } from "../pleo/models/employee.ts";
import {
  type CompanyListKey,
  type CompanyObjectKey,
  companyPageLoader,
  MAX_WHOLE_LIST_PAGES,
  PLEO_MAX_PAGE_SIZE,
} from "./kit.ts";
import { defineLoader, type LoaderDeps } from "./registry.ts";

export const employeePages = defineLoader(
  "employeePages",
  companyPageLoader<EmployeeSearch, Employee>((deps, key) =>
    listEmployees(deps.pleo, key.bound.credential, key.companyId, key.filter, key.page),
  ),
);

interface EmployeeDirectory {
  readonly byId: ReadonlyMap<string, Employee>;
  /** False when the list was longer than MAX_WHOLE_LIST_PAGES pages and reading stopped early. */
  readonly complete: boolean;
}

/** The company's employee list, read once per request, company and credential (see `employeeById`). */
const directories = new WeakMap<LoaderDeps, Map<string, Promise<EmployeeDirectory>>>();

function directory(deps: LoaderDeps, key: CompanyListKey): Promise<EmployeeDirectory> {
  let cache = directories.get(deps);
  if (!cache) {
    cache = new Map();
    directories.set(deps, cache);
  }
  const cacheKey = `${key.companyId}|${key.bound.credential.id}`;
  let pending = cache.get(cacheKey);
  if (!pending) {
    pending = readDirectory(deps, key);
    cache.set(cacheKey, pending);
  }
  return pending;
}

async function readDirectory(deps: LoaderDeps, key: CompanyListKey): Promise<EmployeeDirectory> {
  const byId = new Map<string, Employee>();
  let after: string | undefined;
  for (let n = 0; n < MAX_WHOLE_LIST_PAGES; n++) {
    const page = await listEmployees(
      deps.pleo,
      key.bound.credential,
      key.companyId,
      {},
      { limit: PLEO_MAX_PAGE_SIZE, ...(after ? { after } : {}) },
    );
    for (const e of page.items) byId.set(e.id.toLowerCase(), e);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { byId, complete: true };
    after = page.pageInfo.endCursor;
  }
  return { byId, complete: false };
}

/**
 * Employees by id. Pleo's employee API has no multi-id filter (only `email` and `code`), so ids are
 * resolved from the company's own employee list (`companyId`-scoped), read once per request at 100 per
 * page and indexed: N employees cost ceil(headcount / 100) calls however large N is, and a raw id of
 * another company's employee is never sent to Pleo with this company's credential — it is simply not in
 * the list (NOT_FOUND). Only when a company has more than MAX_WHOLE_LIST_PAGES × 100 employees are ids
 * absent from the pages read looked up one by one (`GET /v2/employees/{id}`).
 */
export const employeeById = defineLoader(
  "employeeById",
  (deps) =>
    new DataLoader<CompanyObjectKey, Employee, string>(
      async (keys) => {
        const groups = new Map<string, { companyId: string; bound: BoundCredential; ids: Set<string> }>();
        for (const key of keys) {
          const groupKey = `${key.companyId}|${key.bound.credential.id}`;
          let group = groups.get(groupKey);
          if (!group) {
            group = { companyId: key.companyId, bound: key.bound, ids: new Set() };
            groups.set(groupKey, group);
          }
          group.ids.add(key.id.toLowerCase());
        }
        const found = new Map<string, Employee | Error>();
        const one = async (groupKey: string, companyId: string, bound: BoundCredential, id: string) => {
          try {
            found.set(`${groupKey}|${id}`, await getEmployee(deps.pleo, bound.credential, companyId, id));
          } catch (error) {
            found.set(`${groupKey}|${id}`, notThisCompanys(error, companyId, id));
          }
        };
        await Promise.all(
          [...groups.entries()].map(async ([groupKey, { companyId, bound, ids }]) => {
            const listKey = { companyId, bound };
            let dir: EmployeeDirectory;
            try {
              dir = await directory(deps, listKey);
            } catch (error) {
              for (const id of ids) found.set(`${groupKey}|${id}`, asError(error));
              return;
            }
            const missing: string[] = [];
            for (const id of ids) {
              const employee = dir.byId.get(id);
              if (employee) found.set(`${groupKey}|${id}`, employee);
              else missing.push(id);
            }
            if (!dir.complete) await Promise.all(missing.map((id) => one(groupKey, companyId, bound, id)));
          }),
        );
        return keys.map(
          (key) =>
            found.get(`${key.companyId}|${key.bound.credential.id}|${key.id.toLowerCase()}`) ??
            new GatewayError(ErrorCode.NOT_FOUND, `No employee ${key.id} in company ${key.companyId}.`, {
              companyId: key.companyId,
            }),
        );
      },
      { cacheKeyFn: (key) => `${key.companyId}|${key.bound.credential.id}|${key.id.toLowerCase()}` },
    ),
);

/**
 * The lookup used the company's own credential, already checked for `users:read`, so Pleo's 403 for an
 * employee id means the employee is another company's: reported like an unknown id (as for every other
 * resource, whose by-id searches are company-scoped), without confirming the id exists elsewhere.
 */
function notThisCompanys(reason: unknown, companyId: string, id: string): Error {
  if (reason instanceof GatewayError && reason.code === ErrorCode.UPSTREAM_FORBIDDEN) {
    return new GatewayError(ErrorCode.NOT_FOUND, `No employee ${id} in company ${companyId}.`, {
      companyId,
      upstreamStatus: reason.details.upstreamStatus,
    });
  }
  return asError(reason);
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
