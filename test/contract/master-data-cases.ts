import { ALL_COMPANIES, CREDENTIALS } from "../../src/simulator/index.ts";
import { type ContractCase, companyCredential, FILES, perCompany } from "./contract-cases.ts";

/** Contract cases of the master-data reads: introspection, companies, employees, accounts, tax codes, tags, vendors. */
export const MASTER_DATA_CASES: ContractCase[] = [
  {
    name: "introspect (API key, OAuth token, organisation key)",
    file: FILES.introspect,
    method: "GET",
    template: "/v1/introspect",
    status: 200,
    requests: () =>
      [CREDENTIALS.nl, CREDENTIALS.deOAuth, CREDENTIALS.lcbOrg].map((credential) => ({
        credential,
        path: "/v1/introspect",
      })),
  },
  {
    name: "companies list",
    file: FILES.companies,
    method: "GET",
    template: "/v1/companies",
    status: 200,
    requests: () => [
      { credential: CREDENTIALS.lcbOrg, path: "/v1/companies" },
      { credential: CREDENTIALS.lcbOrg, path: "/v1/companies", options: { query: { limit: 1, offset: 1 } } },
      { credential: CREDENTIALS.alexey, path: "/v1/companies" },
    ],
  },
  {
    name: "company by id",
    file: FILES.companies,
    method: "GET",
    template: "/v1/companies/{companyId}",
    status: 200,
    requests: () =>
      ALL_COMPANIES.map((c) => ({ credential: companyCredential(c.id), path: `/v1/companies/${c.id}` })),
  },
  {
    name: "employees list",
    file: FILES.employees,
    method: "GET",
    template: "/v2/employees",
    status: 200,
    requests: () => [
      { credential: CREDENTIALS.lcbOrg, path: "/v2/employees", options: { query: { limit: 100 } } },
      {
        credential: CREDENTIALS.alexey,
        path: "/v2/employees",
        options: { query: { companyId: ALL_COMPANIES[3]?.id ?? "" } },
      },
    ],
  },
  {
    name: "employee by id",
    file: FILES.employees,
    method: "GET",
    template: "/v2/employees/{employeeId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.employees.map((e) => ({ credential, path: `/v2/employees/${e.id}` })),
      ),
  },
  {
    name: "chart of accounts search",
    file: FILES.accounts,
    method: "POST",
    template: "/v1/chart-of-accounts:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v1/chart-of-accounts:search",
          options: {
            query: { limit: 100 },
            body: {
              companyId: seed.identity.id,
              excludeIfAssignedToCategory: false,
              excludeIfAssignedToContraAccount: false,
            },
          },
        },
      ]),
  },
  {
    name: "account by id",
    file: FILES.accounts,
    method: "GET",
    template: "/v1/chart-of-accounts/{accountId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.accounts.map((a) => ({ credential, path: `/v1/chart-of-accounts/${a.id}` })),
      ),
  },
  {
    name: "tax codes search",
    file: FILES.taxCodes,
    method: "POST",
    template: "/v0/tax-codes:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v0/tax-codes:search",
          options: { query: { company_id: seed.identity.id }, body: {} },
        },
      ]),
  },
  {
    name: "tax code by id",
    file: FILES.taxCodes,
    method: "GET",
    template: "/v0/tax-codes/{taxCodeId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.taxCodes.map((t) => ({ credential, path: `/v0/tax-codes/${t.id}` })),
      ),
  },
  {
    name: "tag groups list",
    file: FILES.tagGroups,
    method: "GET",
    template: "/v0/tag-groups",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v0/tag-groups",
          options: {
            query: { company_id: seed.identity.id, include_archived: true, include_tags_count: true },
          },
        },
      ]),
  },
  {
    name: "tag group by id",
    file: FILES.tagGroups,
    method: "GET",
    template: "/v0/tag-groups/{groupId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.tagGroups.map((g) => ({ credential, path: `/v0/tag-groups/${g.id}` })),
      ),
  },
  {
    name: "tags of a group",
    file: FILES.tags,
    method: "GET",
    template: "/v0/tag-groups/{groupId}/tags",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.tagGroups.map((g) => ({
          credential,
          path: `/v0/tag-groups/${g.id}/tags`,
          options: { query: { include_archived: true, limit: 100 } },
        })),
      ),
  },
  {
    name: "tags search",
    file: FILES.tags,
    method: "POST",
    template: "/v0/tags:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v0/tags:search",
          options: { query: { company_id: seed.identity.id, limit: 100 }, body: { includeArchived: true } },
        },
      ]),
  },
  {
    name: "tag by id",
    file: FILES.tags,
    method: "GET",
    template: "/v0/tags/{tagId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => seed.tags.map((t) => ({ credential, path: `/v0/tags/${t.id}` }))),
  },
  {
    name: "vendors search",
    file: FILES.vendors,
    method: "POST",
    template: "/v1/vendors:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v1/vendors:search",
          options: { query: { company_id: seed.identity.id, limit: 100 }, body: {} },
        },
        {
          credential,
          path: "/v1/vendors:search",
          options: {
            query: { company_id: seed.identity.id },
            body: { states: ["ACTIVE"], countries: [seed.identity.country] },
          },
        },
      ]),
  },
  {
    name: "vendor by id",
    file: FILES.vendors,
    method: "GET",
    template: "/v1/vendors/{id}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.vendors.map((v) => ({ credential, path: `/v1/vendors/${v.id}` })),
      ),
  },
];
