/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 date-time with offset, as Pleo sends it (e.g. 2026-03-01T12:00:00Z). */
  DateTime: { input: string; output: string; }
  /** A JSON object passed through from Pleo as is (e.g. an account's free-form metadata). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** An integer amount in a currency's minor units; up to 2^53-1, beyond GraphQL's 32-bit Int. */
  MinorUnits: { input: number; output: number; }
  /** A Pleo identifier (RFC 4122 UUID). */
  UUID: { input: string; output: string; }
};

/** The request holds no credential bound to this company with the scope the mutation needs (NO_CREDENTIAL_FOR_COMPANY, MISSING_SCOPE, CREDENTIAL_BINDING_MISMATCH), or Pleo refused the credential (CREDENTIAL_REJECTED, UPSTREAM_FORBIDDEN). Nothing was written. */
export type AccessDenied = MutationError & {
  __typename?: 'AccessDenied';
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
  /** The Pleo scope required. */
  scope?: Maybe<Scalars['String']['output']>;
};

/** An account of one company's chart of accounts. */
export type Account = Node & {
  __typename?: 'Account';
  /** Pleo's account id. */
  accountId: Scalars['UUID']['output'];
  archived: Scalars['Boolean']['output'];
  /** The account number, e.g. 4000. */
  code?: Maybe<Scalars['String']['output']>;
  /** The account's id in the accounting system. */
  externalId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  metadata?: Maybe<Scalars['JSONObject']['output']>;
  name: Scalars['String']['output'];
  /** The account's default tax code (matched by code). Needs `tax-codes:read` too. */
  taxCode?: Maybe<TaxCode>;
  taxCodeExternalId?: Maybe<Scalars['String']['output']>;
};

export type AccountBatchFailure = {
  __typename?: 'AccountBatchFailure';
  externalId: Scalars['String']['output'];
  /** Position of the account in `input.accounts`. */
  index: Scalars['Int']['output'];
  reasons: Array<AccountBatchFailureReason>;
};

/** Why Pleo did not create an account of a batch (a reason it adds later is reported as OTHER). */
export type AccountBatchFailureReason =
  | 'CODE_TOO_LONG'
  | 'EXTERNAL_ID_ALREADY_EXISTS'
  | 'EXTERNAL_ID_EMPTY'
  | 'EXTERNAL_ID_TOO_LONG'
  | 'NAME_EMPTY'
  | 'NAME_TOO_LONG'
  | 'OTHER';

export type AccountBatchItemInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The account number, e.g. 4000 (at most 255 characters). */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The account's id in the accounting system (unique in the company, 1..255 characters). */
  externalId: Scalars['String']['input'];
  /** Free-form data: a JSON object whose values are JSON objects (or null), as Pleo stores it. */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name: Scalars['String']['input'];
  /** The code (in the accounting system) of the account's default tax code; it must exist in Pleo. */
  taxCodeExternalId?: InputMaybe<Scalars['String']['input']>;
};

/** Filters Pleo's chart-of-accounts search supports. */
export type AccountFilter = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  codes?: InputMaybe<Array<Scalars['String']['input']>>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['UUID']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Pleo refuses to delete an account that accounting entries use. Archive it instead with archiveAccount. */
export type AccountInUse = MutationError & {
  __typename?: 'AccountInUse';
  accountId: Scalars['UUID']['output'];
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
  /** What to do instead. */
  suggestedMutation: Scalars['String']['output'];
};

/** The account as Pleo stored it. */
export type AccountPayload = {
  __typename?: 'AccountPayload';
  account: Account;
};

/** One booked expense, invoice, reimbursement or other money movement of a company. */
export type AccountingEntry = BookedLine & Node & {
  __typename?: 'AccountingEntry';
  /** The account booked on, batched per company. Needs `accounts:read`. */
  account?: Maybe<Account>;
  accountCode?: Maybe<Scalars['String']['output']>;
  accountId?: Maybe<Scalars['UUID']['output']>;
  /** Pleo's accounting entry id. */
  accountingEntryId: Scalars['UUID']['output'];
  attendees: Array<AccountingEntryAttendee>;
  bookkeepingDate?: Maybe<Scalars['DateTime']['output']>;
  company?: Maybe<Company>;
  createdAt: Scalars['DateTime']['output'];
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The employee who spent, from the company's employee list. Needs `users:read`. */
  employee?: Maybe<Employee>;
  employeeId?: Maybe<Scalars['UUID']['output']>;
  exportStatus: AccountingEntryExportStatus;
  family: AccountingEntryFamily;
  foreignExtensionId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  performedAt: Scalars['DateTime']['output'];
  receiptIds: Array<Scalars['UUID']['output']>;
  reviewStatus: AccountingEntryReviewStatus;
  settledAt?: Maybe<Scalars['DateTime']['output']>;
  splitItems: Array<AccountingEntrySplitItem>;
  status: AccountingEntryStatus;
  subFamily?: Maybe<AccountingEntrySubFamily>;
  supplier?: Maybe<AccountingEntrySupplier>;
  tags: Array<AccountingEntryTag>;
  /** The tax code applied, batched per company. Needs `tax-codes:read`. */
  taxCode?: Maybe<TaxCode>;
  taxCodeId?: Maybe<Scalars['UUID']['output']>;
  teamId?: Maybe<Scalars['UUID']['output']>;
  /** In the supplier's currency. */
  totalBillValue?: Maybe<Money>;
  /** In the card or wallet currency. */
  transactionValue: Money;
  updatedAt: Scalars['DateTime']['output'];
  /** The vendor whose external id is the entry's supplier id, batched per company. Needs `vendors:read`. */
  vendor?: Maybe<Vendor>;
};

export type AccountingEntryAttendee = {
  __typename?: 'AccountingEntryAttendee';
  attendableId: Scalars['String']['output'];
  /** e.g. CONTACT. */
  attendableType: Scalars['String']['output'];
  id: Scalars['String']['output'];
};

export type AccountingEntryDateField =
  | 'BOOKKEEPING_DATE'
  | 'PERFORMED_AT'
  | 'SETTLED_AT';

/** Pleo filters on one date range at a time. */
export type AccountingEntryDateRange = {
  end?: InputMaybe<Scalars['DateTime']['input']>;
  field: AccountingEntryDateField;
  start?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AccountingEntryExportStatus =
  | 'CREATED'
  | 'EXPORTED'
  | 'EXPORTING'
  | 'NOT_CREATED'
  | 'NOT_EXPORTED'
  | 'QUEUED';

export type AccountingEntryFamily =
  | 'BALANCE_AMENDMENT'
  | 'BILL_INVOICE'
  | 'BILL_INVOICE_PAYMENT'
  | 'CARD_PURCHASE'
  | 'CASHBACK'
  | 'CREDIT_NOTE'
  | 'MILEAGE'
  | 'OUT_OF_POCKET'
  | 'OVERDRAFT'
  | 'PER_DIEM'
  | 'PLEO_INVOICE'
  | 'REIMBURSEMENT'
  | 'WALLET';

/** The filters of Pleo's accounting entry search. */
export type AccountingEntryFilter = {
  accountIds?: InputMaybe<Array<Scalars['UUID']['input']>>;
  /** Transaction currencies (ISO 4217). */
  currencies?: InputMaybe<Array<Scalars['String']['input']>>;
  dateRange?: InputMaybe<AccountingEntryDateRange>;
  employeeIds?: InputMaybe<Array<Scalars['UUID']['input']>>;
  exportStatuses?: InputMaybe<Array<AccountingEntryExportStatus>>;
  families?: InputMaybe<Array<AccountingEntryFamily>>;
  hasAccount?: InputMaybe<Scalars['Boolean']['input']>;
  hasBookkeepingDate?: InputMaybe<Scalars['Boolean']['input']>;
  hasNote?: InputMaybe<Scalars['Boolean']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  reviewStatuses?: InputMaybe<Array<AccountingEntryReviewStatus>>;
  settled?: InputMaybe<Scalars['Boolean']['input']>;
  statuses?: InputMaybe<Array<AccountingEntryStatus>>;
  subFamilies?: InputMaybe<Array<AccountingEntrySubFamily>>;
  /** Entries tagged with these tags. */
  tagIds?: InputMaybe<Array<Scalars['UUID']['input']>>;
  taxCodeIds?: InputMaybe<Array<Scalars['UUID']['input']>>;
  teamIds?: InputMaybe<Array<Scalars['UUID']['input']>>;
};

export type AccountingEntryReviewStatus =
  | 'NOT_OK'
  | 'NOT_REQUIRED'
  | 'NOT_SET'
  | 'OK'
  | 'WAITING_FOR_COMPANY_REVIEWER'
  | 'WAITING_FOR_EXPENSE_OWNER'
  | 'WAITING_FOR_REVIEWER'
  | 'WAITING_FOR_TAG_REVIEWER'
  | 'WAITING_FOR_TEAM_REVIEWER';

export type AccountingEntrySort = {
  key: AccountingEntrySortKey;
  order?: InputMaybe<SortOrder>;
};

export type AccountingEntrySortKey =
  | 'BOOKKEEPING_DATE'
  | 'ID'
  | 'PERFORMED_AT'
  | 'SETTLED_AT';

/** One line of an entry split across accounts, tax codes or tags. */
export type AccountingEntrySplitItem = BookedLine & {
  __typename?: 'AccountingEntrySplitItem';
  /** The account booked on, batched per company. Needs `accounts:read`. */
  account?: Maybe<Account>;
  accountCode?: Maybe<Scalars['String']['output']>;
  accountId?: Maybe<Scalars['UUID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  splitItemId: Scalars['UUID']['output'];
  tags: Array<AccountingEntryTag>;
  /** The tax code applied, batched per company. Needs `tax-codes:read`. */
  taxCode?: Maybe<TaxCode>;
  taxCodeId?: Maybe<Scalars['UUID']['output']>;
  totalBillValue?: Maybe<Money>;
  transactionValue?: Maybe<Money>;
  updatedAt: Scalars['DateTime']['output'];
};

export type AccountingEntryStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'COMPLETED_EXTERNALLY'
  | 'DRAFT'
  | 'ERROR'
  | 'PENDING'
  | 'REJECTED';

export type AccountingEntrySubFamily =
  | 'ATM'
  | 'BILL_INVOICE_PAYMENT_RECEIVED'
  | 'BILL_INVOICE_PAYMENT_RETURNED'
  | 'FEE'
  | 'INTEREST'
  | 'IN_STORE'
  | 'LOAD'
  | 'ONLINE'
  | 'PLEO_INVOICE'
  | 'PLEO_INVOICE_REFUND'
  | 'REIMBURSEMENT_TO_COMPANY'
  | 'REIMBURSEMENT_TO_EMPLOYEE'
  | 'REIMBURSEMENT_TO_EMPLOYEE_REFUND'
  | 'UNLOAD'
  | 'WITHDRAWAL';

/** The supplier as the accounting system knows it (Spanish SII fields included). */
export type AccountingEntrySupplier = {
  __typename?: 'AccountingEntrySupplier';
  cif?: Maybe<Scalars['String']['output']>;
  documentNumber?: Maybe<Scalars['String']['output']>;
  documentType?: Maybe<Scalars['String']['output']>;
  externalAccountNumber?: Maybe<Scalars['String']['output']>;
  externalSupplierId?: Maybe<Scalars['String']['output']>;
};

/** A tag dimension set on an entry: the group, and the tag chosen in it (if any). */
export type AccountingEntryTag = {
  __typename?: 'AccountingEntryTag';
  /** Batched per company into one tag search. Needs `tag-groups:read`. */
  tag?: Maybe<Tag>;
  /** Batched per company (one tag-group list). Needs `tag-groups:read`. */
  tagGroup?: Maybe<TagGroup>;
  tagGroupId: Scalars['UUID']['output'];
  tagId?: Maybe<Scalars['UUID']['output']>;
};

export type Address = {
  __typename?: 'Address';
  addressLine1?: Maybe<Scalars['String']['output']>;
  addressLine2?: Maybe<Scalars['String']['output']>;
  /** ISO 3166 alpha-2. */
  country?: Maybe<Scalars['String']['output']>;
  locality?: Maybe<Scalars['String']['output']>;
  postalCode?: Maybe<Scalars['String']['output']>;
  region?: Maybe<Scalars['String']['output']>;
};

export type ArchiveAccountInput = {
  /** false restores an archived account. */
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  companyId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};

export type ArchiveAccountResult = AccessDenied | AccountPayload | Conflict | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type ArchiveTagGroupInput = {
  /** false restores an archived group. */
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  companyId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};

export type ArchiveTagGroupResult = AccessDenied | Conflict | NotFound | RateLimited | TagGroupPayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type ArchiveTagsInput = {
  /** false restores archived tags. */
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  companyId: Scalars['ID']['input'];
  /** 1 to 100 tags: Tag global IDs of this company, or Pleo's UUIDs. */
  tagIds: Array<Scalars['ID']['input']>;
};

export type ArchiveTagsPayload = {
  __typename?: 'ArchiveTagsPayload';
  tags: Array<Tag>;
};

export type ArchiveTagsResult = AccessDenied | ArchiveTagsPayload | Conflict | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type ArchiveTaxCodeInput = {
  /** false restores an archived tax code. */
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  companyId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};

export type ArchiveTaxCodeResult = AccessDenied | Conflict | NotFound | RateLimited | TaxCodePayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type ArchiveVendorInput = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** A Vendor global ID, or Pleo's UUID together with companyId. */
  id: Scalars['ID']['input'];
};

export type ArchiveVendorPayload = {
  __typename?: 'ArchiveVendorPayload';
  /** The vendor read back after archiving (needs `vendors:read`). */
  vendor?: Maybe<Vendor>;
  vendorId: Scalars['UUID']['output'];
};

export type ArchiveVendorResult = AccessDenied | ArchiveVendorPayload | Conflict | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

/** Something booked on an account with a tax code: an accounting entry or one of its split items. */
export type BookedLine = {
  /** The account booked on, batched per company. Needs `accounts:read`. */
  account?: Maybe<Account>;
  accountId?: Maybe<Scalars['UUID']['output']>;
  tags: Array<AccountingEntryTag>;
  /** The tax code applied, batched per company. Needs `tax-codes:read`. */
  taxCode?: Maybe<TaxCode>;
  taxCodeId?: Maybe<Scalars['UUID']['output']>;
};

export type Company = Node & {
  __typename?: 'Company';
  access: CompanyAccessInfo;
  /** One account of this company, by Pleo id or global ID. */
  account?: Maybe<Account>;
  /** The company's accounting entries, newest first unless sorted otherwise. Needs the accounting-entries scope (configurable: PLEO_ACCOUNTING_ENTRIES_SCOPE). */
  accountingEntries?: Maybe<CompanyAccountingEntriesConnection>;
  /** One accounting entry of this company, by Pleo id or global ID. */
  accountingEntry?: Maybe<AccountingEntry>;
  /** The company's chart of accounts. Needs `accounts:read`. */
  accounts?: Maybe<CompanyAccountsConnection>;
  address: Address;
  /** Pleo's company_id. */
  companyId: Scalars['UUID']['output'];
  /** One employee of this company, by Pleo id or global ID. */
  employee?: Maybe<Employee>;
  /** The company's employees. Needs `users:read`. */
  employees?: Maybe<CompanyEmployeesConnection>;
  /** One export job of this company, by Pleo id or global ID (which must belong to this company). */
  exportJob?: Maybe<ExportJob>;
  /** The company's export jobs, optionally only those in the given states. Needs `export-jobs:read`. */
  exportJobs?: Maybe<CompanyExportJobsConnection>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  organisation?: Maybe<Organisation>;
  registrationNumber?: Maybe<Scalars['String']['output']>;
  /** One tag of this company, by Pleo id or global ID. */
  tag?: Maybe<Tag>;
  /** One tag group of this company, by Pleo id or global ID. */
  tagGroup?: Maybe<TagGroup>;
  /** The company's tag groups (Pleo does not page them). Needs `tag-groups:read`. */
  tagGroups?: Maybe<Array<TagGroup>>;
  /** One tax code of this company, by Pleo id or global ID. */
  taxCode?: Maybe<TaxCode>;
  /** The company's tax codes. Needs `tax-codes:read`. */
  taxCodes?: Maybe<CompanyTaxCodesConnection>;
  /** One vendor of this company, by Pleo id or global ID (which must belong to this company). */
  vendor?: Maybe<Vendor>;
  /** The company's vendors. Needs a credential bound to this company with `vendors:read`. */
  vendors?: Maybe<CompanyVendorsConnection>;
};


export type CompanyAccountArgs = {
  id: Scalars['ID']['input'];
};


export type CompanyAccountingEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccountingEntryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<Array<AccountingEntrySort>>;
};


export type CompanyAccountingEntryArgs = {
  id: Scalars['ID']['input'];
};


export type CompanyAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccountFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type CompanyEmployeeArgs = {
  id: Scalars['ID']['input'];
};


export type CompanyEmployeesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EmployeeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type CompanyExportJobArgs = {
  id: Scalars['ID']['input'];
};


export type CompanyExportJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<ExportJobStatus>>;
};


export type CompanyTagArgs = {
  id: Scalars['ID']['input'];
};


export type CompanyTagGroupArgs = {
  id: Scalars['ID']['input'];
};


export type CompanyTagGroupsArgs = {
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
};


export type CompanyTaxCodeArgs = {
  id: Scalars['ID']['input'];
};


export type CompanyTaxCodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TaxCodeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type CompanyVendorArgs = {
  id: Scalars['ID']['input'];
};


export type CompanyVendorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VendorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** What this request may do in the company: decided by credentials Pleo bound to it. */
export type CompanyAccessInfo = {
  __typename?: 'CompanyAccessInfo';
  /** Whether the request holds a credential bound to this company. */
  hasCredential: Scalars['Boolean']['output'];
  /** The Pleo scopes of the company's credentials held by this request. */
  scopes: Array<Scalars['String']['output']>;
};

export type CompanyAccountingEntriesConnection = {
  __typename?: 'CompanyAccountingEntriesConnection';
  edges: Array<CompanyAccountingEntriesConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type CompanyAccountingEntriesConnectionEdge = {
  __typename?: 'CompanyAccountingEntriesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: AccountingEntry;
};

export type CompanyAccountsConnection = {
  __typename?: 'CompanyAccountsConnection';
  edges: Array<CompanyAccountsConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type CompanyAccountsConnectionEdge = {
  __typename?: 'CompanyAccountsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Account;
};

export type CompanyEmployeesConnection = {
  __typename?: 'CompanyEmployeesConnection';
  edges: Array<CompanyEmployeesConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type CompanyEmployeesConnectionEdge = {
  __typename?: 'CompanyEmployeesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Employee;
};

/** Something happened to one of a company's resources. `id` is the event's id: keep the last one seen to catch up after a reconnect. */
export type CompanyEvent = {
  __typename?: 'CompanyEvent';
  companyId: Scalars['UUID']['output'];
  /** The created export job as this caller's credential reads it now (EXPORT_JOB_CREATED). */
  exportJob?: Maybe<ExportJob>;
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The vendor's or export job's Pleo id. */
  resourceId: Scalars['UUID']['output'];
  type: CompanyEventType;
  /** The created vendor as this caller's credential reads it now (VENDOR_CREATED). */
  vendor?: Maybe<Vendor>;
};

export type CompanyEventType =
  | 'EXPORT_JOB_CREATED'
  | 'VENDOR_CREATED';

export type CompanyExportJobsConnection = {
  __typename?: 'CompanyExportJobsConnection';
  edges: Array<CompanyExportJobsConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type CompanyExportJobsConnectionEdge = {
  __typename?: 'CompanyExportJobsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ExportJob;
};

export type CompanyExportOutcome = {
  __typename?: 'CompanyExportOutcome';
  company?: Maybe<Company>;
  companyId: Scalars['UUID']['output'];
  error?: Maybe<MutationError>;
  failedStep?: Maybe<ExportProcessingStep>;
  itemErrors: Array<ExportJobItemUpdateError>;
  /** Item results Pleo applied. */
  itemsReported: Scalars['Int']['output'];
  /** The job processed, as Pleo reports it now. */
  job?: Maybe<ExportJob>;
  status: ExportProcessingStatus;
};

export type CompanyOutcomeStatus =
  /** Nothing was done (see error), or every item failed. */
  | 'FAILED'
  /** Some of it was done; see the items. */
  | 'PARTIAL'
  /** Everything was done for this company. */
  | 'SUCCEEDED';

/** What the sync did in one company, with that company's own credential. */
export type CompanyTaxCodeSync = {
  __typename?: 'CompanyTaxCodeSync';
  company?: Maybe<Company>;
  companyId: Scalars['UUID']['output'];
  created: Scalars['Int']['output'];
  /** Why the company's remaining items were not attempted (no credential, Pleo unavailable, …). */
  error?: Maybe<MutationError>;
  failed: Scalars['Int']['output'];
  items: Array<TaxCodeSyncItemResult>;
  skipped: Scalars['Int']['output'];
  status: CompanyOutcomeStatus;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

export type CompanyTaxCodesConnection = {
  __typename?: 'CompanyTaxCodesConnection';
  edges: Array<CompanyTaxCodesConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type CompanyTaxCodesConnectionEdge = {
  __typename?: 'CompanyTaxCodesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: TaxCode;
};

/** What the sync did in one company, with that company's own credential. */
export type CompanyVendorSync = {
  __typename?: 'CompanyVendorSync';
  company?: Maybe<Company>;
  companyId: Scalars['UUID']['output'];
  created: Scalars['Int']['output'];
  /** Why the company's remaining items were not attempted (no credential, Pleo unavailable, …). */
  error?: Maybe<MutationError>;
  failed: Scalars['Int']['output'];
  items: Array<VendorSyncItemResult>;
  skipped: Scalars['Int']['output'];
  status: CompanyOutcomeStatus;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

export type CompanyVendorsConnection = {
  __typename?: 'CompanyVendorsConnection';
  edges: Array<CompanyVendorsConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type CompanyVendorsConnectionEdge = {
  __typename?: 'CompanyVendorsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Vendor;
};

export type CompleteExportJobInput = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** An ExportJob global ID, or Pleo's UUID together with companyId. */
  jobId: Scalars['ID']['input'];
  /** true: `completed_with_errors` (some items failed to export). */
  withErrors?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CompleteExportJobResult = AccessDenied | Conflict | ExportJobEventPayload | InvalidExportJobTransition | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

/** Pleo refused the write as conflicting (HTTP 409): typically an object with the same identifier (externalId or code) already exists; it is in `existing` when the gateway could find it. */
export type Conflict = MutationError & {
  __typename?: 'Conflict';
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** The existing object the write clashed with (a Vendor, Account, TaxCode, TagGroup or Tag). */
  existing?: Maybe<Node>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
  /** Pleo's ExceptionInfo type. */
  upstreamType?: Maybe<Scalars['String']['output']>;
};

export type ConnectPleoApiKeyInput = {
  /** The API key; never echoed or logged. */
  apiKey: Scalars['String']['input'];
};

export type ConnectPleoApiKeyResult = ConnectionFailure | PleoConnectionPayload;

export type ConnectionErrorCode =
  | 'ALREADY_CONNECTED'
  | 'CONNECTION_CHANGED'
  | 'CREDENTIAL_REJECTED'
  | 'MANAGE_DENIED'
  | 'NOT_AN_API_KEY_CONNECTION'
  | 'NOT_CONNECTED'
  | 'NOT_SIGNED_IN'
  | 'OAUTH_NOT_CONFIGURED'
  | 'RECORD_UNREADABLE'
  | 'RETURN_TO_NOT_ALLOWED'
  | 'SUBJECT_MISMATCH'
  | 'UNAVAILABLE';

/** Why a connection action was refused. Nothing was stored or changed. */
export type ConnectionFailure = {
  __typename?: 'ConnectionFailure';
  code: ConnectionErrorCode;
  message: Scalars['String']['output'];
  /** The subject's URN, when known. */
  subject?: Maybe<Scalars['String']['output']>;
};

/** The company or organisation a connection is for, as Pleo's introspection named it. */
export type ConnectionSubject = {
  __typename?: 'ConnectionSubject';
  id: Scalars['UUID']['output'];
  kind: ConnectionSubjectKind;
  /** The company's name from Pleo (Pleo exposes none for organisations). */
  name?: Maybe<Scalars['String']['output']>;
  /** The company's organisation, from Pleo. */
  organisationId?: Maybe<Scalars['UUID']['output']>;
  /** `urn:pleo:company:<uuid>` */
  urn: Scalars['String']['output'];
};

export type ConnectionSubjectInput = {
  id: Scalars['UUID']['input'];
  kind: ConnectionSubjectKind;
};

export type ConnectionSubjectKind =
  | 'COMPANY'
  | 'ORGANISATION';

export type CreateAccountInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The account number, e.g. 4000 (at most 255 characters). */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The company: Pleo's UUID or a Company global ID. */
  companyId: Scalars['ID']['input'];
  /** The account's id in the accounting system (unique in the company, 1..255 characters). */
  externalId: Scalars['String']['input'];
  /** Free-form data: a JSON object whose values are JSON objects (or null), as Pleo stores it. */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name: Scalars['String']['input'];
  /** The code (in the accounting system) of the account's default tax code; it must exist in Pleo. */
  taxCodeExternalId?: InputMaybe<Scalars['String']['input']>;
};

export type CreateAccountResult = AccessDenied | AccountPayload | Conflict | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type CreateAccountsInput = {
  /** 1 to 1000 accounts, sent to Pleo in one batch. */
  accounts: Array<AccountBatchItemInput>;
  companyId: Scalars['ID']['input'];
};

/** What Pleo created and what it refused, per account. */
export type CreateAccountsPayload = {
  __typename?: 'CreateAccountsPayload';
  created: Array<Account>;
  createdCount: Scalars['Int']['output'];
  failed: Array<AccountBatchFailure>;
  failedCount: Scalars['Int']['output'];
};

export type CreateAccountsResult = AccessDenied | Conflict | CreateAccountsPayload | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type CreateExportJobInput = {
  /** The entries to export (1 to 5000): AccountingEntry global IDs of this company, or Pleo's UUIDs. */
  accountingEntryIds: Array<Scalars['ID']['input']>;
  /** The company: Pleo's UUID or a Company global ID. */
  companyId: Scalars['ID']['input'];
  /** The Pleo user starting the export (an Employee global ID or UUID). */
  employeeId?: InputMaybe<Scalars['ID']['input']>;
  /** Whether a user started it. */
  isInteractive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Include vendor and bookkeeping data in the export items. */
  vendorBasedBookkeeping?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateExportJobResult = AccessDenied | Conflict | ExportAlreadyInProgress | ExportJobPayload | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type CreateTagGroupInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The group's code in the accounting system (unique in the company). */
  code: Scalars['String']['input'];
  /** The company: Pleo's UUID or a Company global ID. */
  companyId: Scalars['ID']['input'];
  /** Free-form data: a JSON object of string values. */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name: Scalars['String']['input'];
};

export type CreateTagGroupResult = AccessDenied | Conflict | NotFound | RateLimited | TagGroupPayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type CreateTagInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The tag's code in the accounting system (unique in its group). */
  code: Scalars['String']['input'];
  companyId?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** A TagGroup global ID, or Pleo's UUID together with companyId. */
  tagGroupId: Scalars['ID']['input'];
};

export type CreateTagResult = AccessDenied | Conflict | NotFound | RateLimited | TagPayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type CreateTaxCodeInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The tax code's id in the accounting system (unique in the company). */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The company: Pleo's UUID or a Company global ID. */
  companyId: Scalars['ID']['input'];
  ingoingTaxAccount?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  outgoingTaxAccount?: InputMaybe<Scalars['String']['input']>;
  /** The rate as a decimal fraction: 0.21 is 21 %. */
  rate: Scalars['Float']['input'];
  type: TaxCodeType;
};

export type CreateTaxCodeResult = AccessDenied | Conflict | NotFound | RateLimited | TaxCodePayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type CreateVendorInput = {
  /** The vendor's account code in the accounting system. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The company: Pleo's UUID or a Company global ID. */
  companyId: Scalars['ID']['input'];
  /** ISO 3166-1 alpha-2, e.g. NL. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** ISO 4217, e.g. EUR. */
  defaultCurrency: Scalars['String']['input'];
  /** The vendor's id in the accounting system. A vendor created with one is ACTIVE, without one DRAFT. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  registrationNumber?: InputMaybe<Scalars['String']['input']>;
  /** VAT/GST/tax id. */
  taxRegistrationNumber?: InputMaybe<Scalars['String']['input']>;
};

export type CreateVendorResult = AccessDenied | Conflict | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | VendorPayload | WriteOutcomeUnknown;

/** A Pleo credential this request holds, as Pleo's introspection bound it. Never the secret. */
export type CredentialInfo = {
  __typename?: 'CredentialInfo';
  applicationName?: Maybe<Scalars['String']['output']>;
  authMethod: Scalars['String']['output'];
  clientId: Scalars['String']['output'];
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** A non-secret fingerprint, stable for the same credential. */
  id: Scalars['String']['output'];
  kind: CredentialKind;
  organisationId?: Maybe<Scalars['UUID']['output']>;
  scopes: Array<Scalars['String']['output']>;
  source: CredentialSource;
  subjectType: CredentialSubjectType;
};

export type CredentialKind =
  | 'ACCESS_TOKEN'
  | 'API_KEY';

/** A company or organisation granted to the caller whose gateway-held credential cannot be used. */
export type CredentialProblem = {
  __typename?: 'CredentialProblem';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  subjectId: Scalars['UUID']['output'];
  subjectType: CredentialSubjectType;
};

export type CredentialSource =
  /** Held by the gateway and granted to the caller's JWT. */
  | 'GATEWAY'
  /** Sent by the caller in X-Pleo-Api-Key / X-Pleo-Access-Token. */
  | 'HEADER';

export type CredentialSubjectType =
  | 'COMPANY'
  | 'ORGANISATION';

export type DeleteAccountInput = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};

export type DeleteAccountPayload = {
  __typename?: 'DeleteAccountPayload';
  deletedAccountId: Scalars['UUID']['output'];
};

export type DeleteAccountResult = AccessDenied | AccountInUse | Conflict | DeleteAccountPayload | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type DeleteTaxCodeInput = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};

export type DeleteTaxCodePayload = {
  __typename?: 'DeleteTaxCodePayload';
  deletedTaxCodeId: Scalars['UUID']['output'];
};

export type DeleteTaxCodeResult = AccessDenied | Conflict | DeleteTaxCodePayload | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type DisconnectPleoConnectionInput = {
  subject: ConnectionSubjectInput;
};

export type DisconnectPleoConnectionPayload = {
  __typename?: 'DisconnectPleoConnectionPayload';
  /** Pleo's installation was removed (OAuth connections whose grant still worked). */
  installationRemoved: Scalars['Boolean']['output'];
  /** The URN of the subject disconnected. */
  subject: Scalars['String']['output'];
};

export type DisconnectPleoConnectionResult = ConnectionFailure | DisconnectPleoConnectionPayload;

/** A person in one company's Pleo (Pleo's employee directory has no roles). */
export type Employee = Node & {
  __typename?: 'Employee';
  /** The employee's external (HR) id. */
  code?: Maybe<Scalars['String']['output']>;
  company?: Maybe<Company>;
  email: Scalars['String']['output'];
  /** Pleo's employee id. */
  employeeId: Scalars['UUID']['output'];
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  jobTitle?: Maybe<Scalars['String']['output']>;
  lastName: Scalars['String']['output'];
  /** First and last name. */
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
};

/** Filters Pleo's employee list supports (exact matches). */
export type EmployeeFilter = {
  /** The employee's external (HR) id. */
  code?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
};

/** Pleo allows one running (PENDING or IN_PROGRESS) export job per company. Finish or fail the running one first (Pleo expires a job one hour after its last update). */
export type ExportAlreadyInProgress = MutationError & {
  __typename?: 'ExportAlreadyInProgress';
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
  /** The company's running jobs, oldest first (empty if they could not be read). */
  runningJobs: Array<ExportJob>;
};

/** An accounting entry transformed for export: amounts, lines with account, tax and tags, and the related supplier, vendor, user, team and files. */
export type ExportItem = {
  __typename?: 'ExportItem';
  accountingEntryId: Scalars['UUID']['output'];
  additionalInformation: ExportItemAdditionalInformation;
  amount: ExportItemAmount;
  bookkeeping?: Maybe<ExportItemBookkeeping>;
  /** The accounting-system account matching the Pleo account the money moved from. */
  contraAccount?: Maybe<ExportItemAccount>;
  /** The bookkeeping date. */
  date: Scalars['DateTime']['output'];
  /** The accounting entry this item exports. Pleo has no multi-id entry lookup, so each distinct entry is one GET (deduplicated, bounded concurrency). */
  entry?: Maybe<AccountingEntry>;
  /** The job this item was read from. */
  exportJobId: Scalars['UUID']['output'];
  /** Attached files. Their URLs expire 24 hours after this response. */
  files: Array<ExportItemFile>;
  lines: Array<ExportItemLine>;
  links: ExportItemLinks;
  note?: Maybe<Scalars['String']['output']>;
  servicePeriod?: Maybe<ExportItemServicePeriod>;
  subType?: Maybe<Scalars['String']['output']>;
  supplier?: Maybe<ExportItemSupplier>;
  team?: Maybe<ExportItemTeam>;
  /** Pleo's export item type, e.g. card_purchase, out_of_pocket, mileage, per_diem, invoice, invoice_payment, refund, fee. */
  type: Scalars['String']['output'];
  user?: Maybe<ExportItemUser>;
  vendor?: Maybe<ExportItemVendor>;
};

/** An account as an export item names it: Pleo's id plus the accounting system's code/identifier. */
export type ExportItemAccount = {
  __typename?: 'ExportItemAccount';
  /** Pleo's account id. */
  accountId: Scalars['UUID']['output'];
  /** Account code or number. */
  code?: Maybe<Scalars['String']['output']>;
  /** The account's identifier in the accounting system. */
  identifier?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};

export type ExportItemAdditionalInformation = {
  __typename?: 'ExportItemAdditionalInformation';
  /** Who attended (e.g. the guests of a business dinner). */
  attendees: Array<Scalars['String']['output']>;
  invoiceInformation?: Maybe<ExportItemInvoiceInformation>;
  /** For a reimbursement: the reconciliation ids of the expenses it settles. */
  reconciledEntries: Array<Scalars['String']['output']>;
  /** The id to reconcile Pleo and the accounting system by (Pleo's book id). */
  reconciliationId: Scalars['String']['output'];
};

/** An amount in the supplier's currency and in the currency of the company's wallet. */
export type ExportItemAmount = {
  __typename?: 'ExportItemAmount';
  inSupplierCurrency: Money;
  inWalletCurrency: Money;
};

export type ExportItemBookkeeping = {
  __typename?: 'ExportItemBookkeeping';
  method: ExportItemBookkeepingMethod;
};

export type ExportItemBookkeepingMethod =
  | 'ACCOUNTS_PAYABLE'
  | 'JOURNAL'
  | 'NONE';

/** A file (receipt, invoice) attached to the entry. Its URL expires 24 hours after the export item was fetched: download it promptly, and query the export items again for a fresh URL. */
export type ExportItemFile = {
  __typename?: 'ExportItemFile';
  /** e.g. application/pdf. */
  mimeType: Scalars['String']['output'];
  sizeInBytes: Scalars['Int']['output'];
  /** Temporary download URL, valid for 24 hours from this response. Do not store it. */
  url: Scalars['String']['output'];
};

/** Invoice details, for export items of invoices. */
export type ExportItemInvoiceInformation = {
  __typename?: 'ExportItemInvoiceInformation';
  dueDate?: Maybe<Scalars['String']['output']>;
  /** As Pleo sends it (a date). */
  invoiceDate: Scalars['String']['output'];
  invoiceNumber: Scalars['String']['output'];
  paymentDate?: Maybe<Scalars['String']['output']>;
  /** Pleo's invoice status, e.g. pending_approval, ready, scheduled, payment_in_progress, paid, voided_by_user. */
  status: Scalars['String']['output'];
  supplierBankAccount?: Maybe<ExportItemSupplierBankAccount>;
};

/** One line of an export item (an entry split over accounts has several). */
export type ExportItemLine = {
  __typename?: 'ExportItemLine';
  account?: Maybe<ExportItemAccount>;
  accountingEntryLineId: Scalars['UUID']['output'];
  lineAmount: ExportItemAmount;
  /** The amount with or without tax, depending on the tax type. */
  netAmount: ExportItemAmount;
  tags: Array<ExportItemTag>;
  tax?: Maybe<ExportItemTax>;
};

export type ExportItemLink = {
  __typename?: 'ExportItemLink';
  /** e.g. exportItem. */
  name: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

/** Links to the entry in Pleo's web app, mobile app and API. */
export type ExportItemLinks = {
  __typename?: 'ExportItemLinks';
  api: Array<ExportItemLink>;
  mobile: Array<ExportItemLink>;
  web: Array<ExportItemLink>;
};

/** When the service was provided, the goods delivered or the expense incurred. */
export type ExportItemServicePeriod = {
  __typename?: 'ExportItemServicePeriod';
  from: Scalars['DateTime']['output'];
  to: Scalars['DateTime']['output'];
};

/** The merchant or supplier as reported for the entry. */
export type ExportItemSupplier = {
  __typename?: 'ExportItemSupplier';
  /** The supplier account code in the accounting system. */
  account?: Maybe<Scalars['String']['output']>;
  /** The merchant category code (MCC), e.g. 5999. */
  categoryCode?: Maybe<Scalars['String']['output']>;
  /** The supplier's id in the accounting system. */
  code?: Maybe<Scalars['String']['output']>;
  /** ISO 3166 alpha-2. */
  country?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  taxIdentifier?: Maybe<Scalars['String']['output']>;
};

export type ExportItemSupplierBankAccount = {
  __typename?: 'ExportItemSupplierBankAccount';
  accountNumber?: Maybe<Scalars['String']['output']>;
  bankCode?: Maybe<Scalars['String']['output']>;
  bankName: Scalars['String']['output'];
  bic?: Maybe<Scalars['String']['output']>;
  /** ISO 3166 alpha-2 (or UNDEFINED). */
  country: Scalars['String']['output'];
  iban?: Maybe<Scalars['String']['output']>;
};

/** A tag (cost centre) allocated to an export item line. */
export type ExportItemTag = {
  __typename?: 'ExportItemTag';
  code: Scalars['String']['output'];
  /** The code of the tag's group. */
  groupCode: Scalars['String']['output'];
  /** Pleo's tag id. */
  tagId: Scalars['UUID']['output'];
};

/** The tax applied to an export item line. */
export type ExportItemTax = {
  __typename?: 'ExportItemTax';
  amount: ExportItemAmount;
  code?: Maybe<Scalars['String']['output']>;
  ingoingTaxAccount?: Maybe<Scalars['String']['output']>;
  outgoingTaxAccount?: Maybe<Scalars['String']['output']>;
  /** A decimal fraction: 0.2 is 20 %. */
  rate: Scalars['Float']['output'];
  /** Pleo's tax code id. */
  taxCodeId: Scalars['UUID']['output'];
  type: TaxCodeType;
};

export type ExportItemTeam = {
  __typename?: 'ExportItemTeam';
  code?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  teamId: Scalars['UUID']['output'];
};

/** The person who made the spend, usually an employee. */
export type ExportItemUser = {
  __typename?: 'ExportItemUser';
  /** Usually the employee code. */
  code?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  userId: Scalars['UUID']['output'];
};

/** The vendor of the entry, as exported (vendor-based bookkeeping). */
export type ExportItemVendor = {
  __typename?: 'ExportItemVendor';
  code?: Maybe<Scalars['String']['output']>;
  country?: Maybe<Scalars['String']['output']>;
  /** ISO 4217. */
  defaultCurrency: Scalars['String']['output'];
  externalId?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  registrationNumber?: Maybe<Scalars['String']['output']>;
  taxRegistrationNumber?: Maybe<Scalars['String']['output']>;
  /** Pleo's vendor id. */
  vendorId: Scalars['UUID']['output'];
};

/** An export job of one company: a batch of accounting entries an integration exports. */
export type ExportJob = Node & {
  __typename?: 'ExportJob';
  company?: Maybe<Company>;
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** The Pleo user who started the export. */
  createdBy?: Maybe<Scalars['UUID']['output']>;
  expiredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Seconds until the job expires, counted from lastUpdatedAt (a job expires one hour after its last update). */
  expiresInSeconds: Scalars['Int']['output'];
  /** The job's accounting entries as export items. Needs `export-items:read`. Pleo serves them only while the job is PENDING or IN_PROGRESS; for a finished job this field is null with UPSTREAM_REJECTED (upstreamType EXPORT_JOB_STATUS_UNPROCESSABLE). File URLs in the items expire after 24 hours. */
  exportItems?: Maybe<ExportJobExportItemsConnection>;
  /** Pleo's export job id. */
  exportJobId: Scalars['UUID']['output'];
  failureReason?: Maybe<Scalars['String']['output']>;
  failureReasonType?: Maybe<ExportJobFailureReasonType>;
  id: Scalars['ID']['output'];
  /** Whether a user started the export (true) or the system did. */
  isInteractive: Scalars['Boolean']['output'];
  /** The job's items: each accounting entry's export progress. Needs `export-jobs:read`. */
  items?: Maybe<ExportJobItemsConnection>;
  lastUpdatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many accounting entries were selected for the job. */
  numberOfItems: Scalars['Int']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: ExportJobStatus;
  /** Whether the export items include vendor and bookkeeping data. */
  vendorBasedBookkeeping: Scalars['Boolean']['output'];
};


/** An export job of one company: a batch of accounting entries an integration exports. */
export type ExportJobExportItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** An export job of one company: a batch of accounting entries an integration exports. */
export type ExportJobItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ExportJobItemStatus>;
};

/** Pleo's export job events. */
export type ExportJobEvent =
  | 'COMPLETED'
  | 'COMPLETED_WITH_ERRORS'
  | 'FAILED'
  | 'STARTED';

/** Pleo accepted the event (it answers without a body): `job` reads the job back. */
export type ExportJobEventPayload = {
  __typename?: 'ExportJobEventPayload';
  event: ExportJobEvent;
  exportJobId: Scalars['UUID']['output'];
  /** The job as Pleo reports it now (needs `export-jobs:read`). */
  job?: Maybe<ExportJob>;
};

export type ExportJobExportItemsConnection = {
  __typename?: 'ExportJobExportItemsConnection';
  edges: Array<ExportJobExportItemsConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type ExportJobExportItemsConnectionEdge = {
  __typename?: 'ExportJobExportItemsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ExportItem;
};

/** Why an export job failed, as the integration reported it to Pleo. */
export type ExportJobFailureReasonType =
  /** The integration could not authenticate with the accounting system. */
  | 'ACCOUNTING_SYSTEM_AUTHENTICATION_FAILURE'
  /** Irrecoverable rate limit with the accounting system. */
  | 'ACCOUNTING_SYSTEM_RATE_LIMIT'
  /** Irrecoverable timeout talking to the accounting system. */
  | 'ACCOUNTING_SYSTEM_TIMEOUT'
  /** The integration could not reach the accounting system. */
  | 'ACCOUNTING_SYSTEM_UNREACHABLE'
  /** Pleo could not authenticate with the integration service. */
  | 'AUTHENTICATION_FAILURE'
  /** Authorisation revoked, or no longer access in the accounting system. */
  | 'AUTHORIZATION_FAILURE'
  /** Cancelled by a user. */
  | 'CANCELED_BY_USER'
  /** The integration service is blocked or unusable for the customer. */
  | 'INTEGRATION_UNUSABLE'
  /** Invalid configuration for the job or the accounting system. */
  | 'INVALID_CONFIGURATION'
  /** The job was not updated within its expiry time (one hour after its last update). */
  | 'JOB_EXPIRED'
  /** Incomplete configuration for the job or the accounting system. */
  | 'MISSING_CONFIGURATION'
  /** Irrecoverable rate limit with Pleo's API. */
  | 'PLEO_RATE_LIMIT'
  /** Irrecoverable timeout talking to the integration service. */
  | 'SERVICE_TIMEOUT'
  /** The integration service was unreachable. */
  | 'SERVICE_UNREACHABLE'
  /** An irrecoverable validation error made the job unprocessable. */
  | 'VALIDATION_FAILURE';

/** The export progress of one accounting entry in one export job. */
export type ExportJobItem = {
  __typename?: 'ExportJobItem';
  accountingEntryId: Scalars['UUID']['output'];
  /** The accounting entry this item exports. Pleo has no multi-id entry lookup, so each distinct entry is one GET (deduplicated, bounded concurrency). */
  entry?: Maybe<AccountingEntry>;
  exportJobId: Scalars['UUID']['output'];
  exportedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The entry's id in the accounting system after export. */
  externalId?: Maybe<Scalars['String']['output']>;
  /** Where the exported entry can be seen in the accounting system. */
  externalUrl?: Maybe<Scalars['String']['output']>;
  failureReason?: Maybe<Scalars['String']['output']>;
  failureReasonType?: Maybe<ExportJobItemFailureReasonType>;
  status: ExportJobItemStatus;
};

/** Why the export of one item failed. */
export type ExportJobItemFailureReasonType =
  | 'ACCOUNTING_SYSTEM_AUTHENTICATION_FAILURE'
  | 'ACCOUNTING_SYSTEM_RATE_LIMIT'
  | 'ACCOUNTING_SYSTEM_TIMEOUT'
  | 'ACCOUNTING_SYSTEM_UNREACHABLE'
  | 'ACCOUNTING_SYSTEM_VALIDATION_FAILURE'
  /** The account number is unknown to the accounting system. */
  | 'ACCOUNT_UNKNOWN'
  | 'AUTHORIZATION_FAILURE'
  | 'INVALID_CONFIGURATION'
  | 'MISSING_CONFIGURATION'
  | 'RECEIPT_CONVERSION_FAILURE'
  | 'RECEIPT_DOWNLOAD_FAILURE'
  | 'RECEIPT_FILE_SIZE_LIMIT_EXCEEDED'
  | 'RECEIPT_UPLOAD_FAILURE'
  /** A tag is unknown to the accounting system. */
  | 'TAG_UNKNOWN'
  /** The tax code is unknown to the accounting system. */
  | 'TAX_CODE_UNKNOWN'
  | 'UNEXPECTED_FAILURE'
  | 'VALIDATION_FAILURE'
  /** The vendor's account number is unknown to the accounting system. */
  | 'VENDOR_UNKNOWN';

export type ExportJobItemResultInput = {
  /** An AccountingEntry global ID of the job's company, or Pleo's UUID. */
  accountingEntryId: Scalars['ID']['input'];
  /** When it was booked (Pleo defaults to now). */
  exportedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The booking's id in the accounting system. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Link to the booking in the accounting system. */
  externalUrl?: InputMaybe<Scalars['String']['input']>;
  /** Only with status FAILED. */
  failureReason?: InputMaybe<Scalars['String']['input']>;
  /** Only with status FAILED. */
  failureReasonType?: InputMaybe<ExportJobItemFailureReasonType>;
  status: ExportJobItemStatus;
};

/** The export state of one accounting entry within an export job. */
export type ExportJobItemStatus =
  /** Not exported because the export job could not be completed. */
  | 'ABANDONED'
  /** Could not be exported. */
  | 'FAILED'
  /** Being exported to the accounting system. */
  | 'IN_PROGRESS'
  /** Selected for export, waiting to be exported. */
  | 'PENDING'
  /** Exported. */
  | 'SUCCESSFUL';

/** An item result Pleo did not apply. */
export type ExportJobItemUpdateError = {
  __typename?: 'ExportJobItemUpdateError';
  accountingEntryId: Scalars['UUID']['output'];
  message: Scalars['String']['output'];
  /** Pleo's type: ACCOUNTING_ENTRY_DOES_NOT_EXIST, EXPORT_ENTRY_STATUS_UPDATE_FAILED, ACCOUNTING_ENTRY_UPDATE_FAILED. */
  type: Scalars['String']['output'];
};

export type ExportJobItemsConnection = {
  __typename?: 'ExportJobItemsConnection';
  edges: Array<ExportJobItemsConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type ExportJobItemsConnectionEdge = {
  __typename?: 'ExportJobItemsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ExportJobItem;
};

export type ExportJobPayload = {
  __typename?: 'ExportJobPayload';
  job: ExportJob;
};

/** Where an export job is in its lifecycle: PENDING → IN_PROGRESS → a final state. */
export type ExportJobStatus =
  /** Finished; every item was exported. */
  | 'COMPLETED'
  /** Finished; some items failed to export. */
  | 'COMPLETED_WITH_ERRORS'
  /** Failed as a whole; see failureReason(Type). */
  | 'FAILED'
  /** Started: the integration is exporting its items. */
  | 'IN_PROGRESS'
  /** Created, waiting for the integration to start it. */
  | 'PENDING';

export type ExportProcessingStatus =
  /** Started, every item marked exported, completed. */
  | 'COMPLETED'
  /** Completed, but Pleo refused some item results (see itemErrors). */
  | 'COMPLETED_WITH_ERRORS'
  /** A step failed (see failedStep and error); later steps were not attempted. */
  | 'FAILED'
  /** The company had no pending export job: nothing was done. */
  | 'NO_PENDING_JOB';

/** The step of processing a company's oldest pending export job that failed. */
export type ExportProcessingStep =
  | 'ACCESS'
  | 'COMPLETE'
  | 'FIND_JOB'
  | 'READ_ITEMS'
  | 'REPORT_ITEMS'
  | 'START';

export type FailExportJobInput = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** An ExportJob global ID, or Pleo's UUID together with companyId. */
  jobId: Scalars['ID']['input'];
  /** Why it failed, for people (at most 1000 characters). */
  reason: Scalars['String']['input'];
  reasonType: ExportJobFailureReasonType;
};

export type FailExportJobResult = AccessDenied | Conflict | ExportJobEventPayload | InvalidExportJobTransition | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

/** The export job's current state does not allow this: INVALID_EXPORT_JOB_STATUS_CHANGE for an event (e.g. completing a job that was never started, or one that expired), EXPORT_JOB_STATUS_UNPROCESSABLE for item results of a finished job. */
export type InvalidExportJobTransition = MutationError & {
  __typename?: 'InvalidExportJobTransition';
  /** The refused event (`started`, `completed`, …) or `items`. */
  attempted: Scalars['String']['output'];
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  exportJobId: Scalars['UUID']['output'];
  /** The job as Pleo reports it now (null if it could not be read). */
  job?: Maybe<ExportJob>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
};

/** An amount of money, exact: integer minor units plus ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  /** The exact decimal amount in major units, e.g. "65.80" (no floating point). */
  amount: Scalars['String']['output'];
  /** ISO 4217 code. */
  currency: Scalars['String']['output'];
  minorUnits: Scalars['MinorUnits']['output'];
};

/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Archives (or, with archived: false, restores) an account: an update with `archived`. The way to retire an account that accounting entries use. Needs `accounts:write` and `accounts:read`. */
  archiveAccount?: Maybe<ArchiveAccountResult>;
  /** Archives (or, with archived: false, restores) a tag group: an update with `archived`. Needs `tag-groups:write` and `tag-groups:read`. */
  archiveTagGroup?: Maybe<ArchiveTagGroupResult>;
  /** Archives (or, with archived: false, restores) 1 to 100 tags of one company in one call (`POST /v0/tags/archive`; needs `tag-groups:write` and `tag-groups:read`, to check the returned tags' groups). */
  archiveTags?: Maybe<ArchiveTagsResult>;
  /** Archives (or, with archived: false, restores) a tax code: an update with `archived`. Needs `tax-codes:write` and `tax-codes:read`. */
  archiveTaxCode?: Maybe<ArchiveTaxCodeResult>;
  /** Archives a vendor (`POST /v1/vendors/{id}:archive`, needs `vendors:write`). Archiving twice is harmless. To restore one, updateVendor with state ACTIVE. */
  archiveVendor?: Maybe<ArchiveVendorResult>;
  /** Completes an IN_PROGRESS export job (`completed`, or `completed_with_errors` with withErrors: true). Needs `export-jobs:write`. */
  completeExportJob?: Maybe<CompleteExportJobResult>;
  /** Connects the company or organisation Pleo's introspection binds this API key to. */
  connectPleoApiKey: ConnectPleoApiKeyResult;
  /** Creates an account (`POST /v1/chart-of-accounts`, needs `accounts:write`). Sending an account identical to an existing one returns it; a different one with the same externalId is a Conflict carrying the existing account. */
  createAccount?: Maybe<CreateAccountResult>;
  /** Creates up to 1000 accounts in one Pleo batch (`POST /v1/chart-of-accounts/batch`, needs `accounts:write`). Pleo creates what it can; each refused account is listed with its reasons. */
  createAccounts?: Maybe<CreateAccountsResult>;
  /** Creates a PENDING export job for accounting entries of one company (`POST /v3/export-jobs`, needs `export-jobs:write`). Pleo allows one running job per company: ExportAlreadyInProgress lists the running ones. */
  createExportJob?: Maybe<CreateExportJobResult>;
  /** Creates a tag in a tag group (`POST /v0/tag-groups/{id}/tags`; needs `tag-groups:write` and `tag-groups:read`, as the group is read first to prove it is the company's). */
  createTag?: Maybe<CreateTagResult>;
  /** Creates a tag group (`POST /v0/tag-groups`, needs `tag-groups:write`). */
  createTagGroup?: Maybe<CreateTagGroupResult>;
  /** Creates a tax code (`POST /v0/tax-codes`, needs `tax-codes:write`). A tax code with the same code in the company is a Conflict carrying it. */
  createTaxCode?: Maybe<CreateTaxCodeResult>;
  /** Creates a vendor in one company (`POST /v1/vendors`, needs `vendors:write`). A vendor with the same externalId or code already in the company is a Conflict carrying it. */
  createVendor?: Maybe<CreateVendorResult>;
  /** Deletes an account (`DELETE /v1/chart-of-accounts/{id}`, needs `accounts:write`). Pleo refuses for an account that accounting entries use: AccountInUse (archive it instead). */
  deleteAccount?: Maybe<DeleteAccountResult>;
  /** Deletes a tax code (`DELETE /v0/tax-codes/{id}`, needs `tax-codes:write`). Pleo may refuse one that accounting entries use (Conflict): archive it instead. */
  deleteTaxCode?: Maybe<DeleteTaxCodeResult>;
  /** Forgets the connection's secret. For OAuth connections Pleo's installation is removed first (DELETE /v1/installations/me). */
  disconnectPleoConnection: DisconnectPleoConnectionResult;
  /** Fails a PENDING or IN_PROGRESS export job with a reason (`failed`; e.g. reasonType CANCELED_BY_USER to cancel). Needs `export-jobs:write`. */
  failExportJob?: Maybe<FailExportJobResult>;
  /** For each company: takes its oldest PENDING export job, starts it, marks every item exported (successful, now) in batches of 100, and completes it (with errors if Pleo refused some item results). For entries booked by other means; an integration that books them itself uses the individual mutations. One outcome per company, each with that company's own credential (`export-jobs:write` and `export-jobs:read`); a failed step stops that company only (a started job then stays IN_PROGRESS until failed, completed or expired). */
  processOldestPendingExportJob?: Maybe<ProcessOldestPendingExportJobResult>;
  /** Removes one of a company's Pleo webhook subscriptions (DELETE /v1/subscriptions/{id} with the company's credential) and forgets its secret. Pleo only finds subscriptions of the credential's own company: another company's id is NotFound. */
  removeCompanyEventSubscription?: Maybe<RemoveCompanyEventSubscriptionResult>;
  /** Replaces an API-key connection's key with one Pleo binds to the same subject. */
  replacePleoApiKey: ReplacePleoApiKeyResult;
  /** Reports the export result of each item (`PUT /v3/export-jobs/{id}/items`, needs `export-jobs:write`), split into Pleo's batches of 100, with Pleo's per-item errors merged. Each result is sent at most once; every update keeps the job from expiring for another hour. */
  reportExportJobItems?: Maybe<ReportExportJobItemsResult>;
  /** Starts a PENDING export job: the `started` event makes it IN_PROGRESS (`POST /v3/export-job-events`, needs `export-jobs:write`). Read its items with `job { exportItems }` while it runs. */
  startExportJob?: Maybe<StartExportJobResult>;
  /** Starts connecting a company or organisation through Pleo's OAuth flow. The subject is chosen on Pleo's consent page and learnt from Pleo; the caller's manage claim must cover it. */
  startPleoConnection: StartPleoConnectionResult;
  /** Subscribes a company to Pleo webhook events (POST /v1/subscriptions with the company's credential, delivering to this gateway's PUBLIC_BASE_URL/webhooks/pleo/<companyId>). The subscription's secret is fetched and kept sealed by the gateway, never returned. Delivered events are published to the company's event subscribers. */
  subscribeCompanyToEvents?: Maybe<SubscribeCompanyToEventsResult>;
  /** Makes each company's tax codes match the given ones (by code): creates the missing, updates the different, leaves the rest. One outcome per company, each done with that company's own credential (`tax-codes:write` and `tax-codes:read`); a company that fails never affects the others. */
  syncTaxCodes?: Maybe<SyncTaxCodesResult>;
  /** Makes each company's vendors match the given ones (by externalId): creates the missing, updates the different (their state is left as it is), leaves the rest. A vendor whose code is taken by another vendor is a Conflict carrying that vendor. One outcome per company, each done with that company's own credential (`vendors:write` and `vendors:read`); a company that fails never affects the others. */
  syncVendors?: Maybe<SyncVendorsResult>;
  /** Changes an account (reads it, then `PUT /v1/chart-of-accounts/{id}`; needs `accounts:write` and `accounts:read`). */
  updateAccount?: Maybe<UpdateAccountResult>;
  /** Changes a tag (reads it and its group, then `PUT /v0/tags/{id}`; needs `tag-groups:write` and `tag-groups:read`). */
  updateTag?: Maybe<UpdateTagResult>;
  /** Changes a tag group (reads it, then `PUT /v0/tag-groups/{id}`; needs `tag-groups:write` and `tag-groups:read`). */
  updateTagGroup?: Maybe<UpdateTagGroupResult>;
  /** Changes a tax code (reads it, then `PUT /v0/tax-codes/{id}`; needs `tax-codes:write` and `tax-codes:read`). */
  updateTaxCode?: Maybe<UpdateTaxCodeResult>;
  /** Changes a vendor (reads it, then `PUT /v1/vendors/{id}`; needs `vendors:write` and `vendors:read`). Setting state ARCHIVED archives it, ACTIVE restores it. */
  updateVendor?: Maybe<UpdateVendorResult>;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationArchiveAccountArgs = {
  input: ArchiveAccountInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationArchiveTagGroupArgs = {
  input: ArchiveTagGroupInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationArchiveTagsArgs = {
  input: ArchiveTagsInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationArchiveTaxCodeArgs = {
  input: ArchiveTaxCodeInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationArchiveVendorArgs = {
  input: ArchiveVendorInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationCompleteExportJobArgs = {
  input: CompleteExportJobInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationConnectPleoApiKeyArgs = {
  input: ConnectPleoApiKeyInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationCreateAccountsArgs = {
  input: CreateAccountsInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationCreateExportJobArgs = {
  input: CreateExportJobInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationCreateTagArgs = {
  input: CreateTagInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationCreateTagGroupArgs = {
  input: CreateTagGroupInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationCreateTaxCodeArgs = {
  input: CreateTaxCodeInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationCreateVendorArgs = {
  input: CreateVendorInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationDeleteAccountArgs = {
  input: DeleteAccountInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationDeleteTaxCodeArgs = {
  input: DeleteTaxCodeInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationDisconnectPleoConnectionArgs = {
  input: DisconnectPleoConnectionInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationFailExportJobArgs = {
  input: FailExportJobInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationProcessOldestPendingExportJobArgs = {
  input?: InputMaybe<ProcessOldestPendingExportJobInput>;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationRemoveCompanyEventSubscriptionArgs = {
  input: RemoveCompanyEventSubscriptionInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationReplacePleoApiKeyArgs = {
  input: ReplacePleoApiKeyInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationReportExportJobItemsArgs = {
  input: ReportExportJobItemsInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationStartExportJobArgs = {
  input: StartExportJobInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationStartPleoConnectionArgs = {
  input: StartPleoConnectionInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationSubscribeCompanyToEventsArgs = {
  input: SubscribeCompanyToEventsInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationSyncTaxCodesArgs = {
  input: SyncTaxCodesInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationSyncVendorsArgs = {
  input: SyncVendorsInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationUpdateAccountArgs = {
  input: UpdateAccountInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationUpdateTagArgs = {
  input: UpdateTagInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationUpdateTagGroupArgs = {
  input: UpdateTagGroupInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationUpdateTaxCodeArgs = {
  input: UpdateTaxCodeInput;
};


/** Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown. */
export type MutationUpdateVendorArgs = {
  input: UpdateVendorInput;
};

/** A typed failure of a mutation (or of one company's part of an orchestration). */
export type MutationError = {
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
};

/** Stable codes of MutationError results (the same vocabulary as `extensions.code`). */
export type MutationErrorCode =
  | 'ACCOUNT_IN_USE'
  | 'CONFLICT'
  | 'CREDENTIAL_BINDING_MISMATCH'
  | 'CREDENTIAL_REJECTED'
  | 'EXPORT_ALREADY_IN_PROGRESS'
  | 'EXPORT_JOB_STATUS_UNPROCESSABLE'
  | 'FOREIGN_ID'
  | 'INVALID_EXPORT_JOB_STATUS_CHANGE'
  | 'INVALID_ID'
  | 'MISSING_SCOPE'
  | 'NOT_FOUND'
  | 'NO_CREDENTIAL_FOR_COMPANY'
  | 'RATE_LIMITED'
  | 'UPSTREAM_CONTRACT_VIOLATION'
  | 'UPSTREAM_FORBIDDEN'
  | 'UPSTREAM_ISOLATION_VIOLATION'
  | 'UPSTREAM_REJECTED'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'VALIDATION_FAILED'
  | 'WRITE_OUTCOME_UNKNOWN';

export type Node = {
  id: Scalars['ID']['output'];
};

/** Pleo has no such object in this company. */
export type NotFound = MutationError & {
  __typename?: 'NotFound';
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
};

export type Organisation = Node & {
  __typename?: 'Organisation';
  /** The organisation's companies. With an organisation-scoped credential, every company Pleo lists; otherwise the companies this request holds credentials for. */
  companies?: Maybe<OrganisationCompaniesConnection>;
  id: Scalars['ID']['output'];
  /** Pleo's organization_id. */
  organisationId: Scalars['UUID']['output'];
};


export type OrganisationCompaniesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type OrganisationCompaniesConnection = {
  __typename?: 'OrganisationCompaniesConnection';
  edges: Array<OrganisationCompaniesConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type OrganisationCompaniesConnectionEdge = {
  __typename?: 'OrganisationCompaniesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Company;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A Pleo credential the gateway holds for one company or organisation. Never the secret. */
export type PleoConnection = {
  __typename?: 'PleoConnection';
  accessTokenExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  connectedAt: Scalars['DateTime']['output'];
  /** The `sub` of the caller who connected it. */
  connectedBy: Scalars['String']['output'];
  kind: PleoConnectionKind;
  lastRefreshAt?: Maybe<Scalars['DateTime']['output']>;
  scopes: Array<Scalars['String']['output']>;
  status: PleoConnectionStatus;
  subject: ConnectionSubject;
};

export type PleoConnectionKind =
  /** An API key an admin connected. */
  | 'API_KEY'
  /** An OAuth grant from the connect flow; its access token is refreshed by the gateway. */
  | 'OAUTH';

export type PleoConnectionPayload = {
  __typename?: 'PleoConnectionPayload';
  connection: PleoConnection;
};

export type PleoConnectionStatus =
  /** In use. */
  | 'ACTIVE'
  /** Pleo revoked the OAuth grant: the company's fields fail with REAUTHORIZATION_REQUIRED until someone connects it again. */
  | 'REAUTHORIZATION_REQUIRED';

export type ProcessExportJobsPayload = {
  __typename?: 'ProcessExportJobsPayload';
  outcomes: Array<CompanyExportOutcome>;
};

export type ProcessOldestPendingExportJobInput = {
  /** The companies (at most 50). Left out: every company this request holds a company credential for. */
  companyIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type ProcessOldestPendingExportJobResult = ProcessExportJobsPayload | ValidationFailed;

/** The Pleo gateway: discovery of organisations and companies, and each company's books. */
export type Query = {
  __typename?: 'Query';
  /** A company by Pleo company_id or global ID, if a credential of this request can see it. */
  company?: Maybe<Company>;
  /** The company's Pleo webhook subscriptions (GET /v1/subscriptions with the company's credential). Null with a typed error when the request holds no credential bound to the company. */
  companyEventSubscriptions?: Maybe<Array<WebhookSubscription>>;
  /** The gateway's connections the caller may manage (their JWT's manage claim lists the company or its organisation). Without manage rights: CONNECTION_MANAGE_DENIED. */
  connections: Array<PleoConnection>;
  node?: Maybe<Node>;
  nodes: Array<Maybe<Node>>;
  /** An organisation by Pleo organization_id or global ID, if this request can discover it. */
  organisation?: Maybe<Organisation>;
  /** Every organisation this request can discover. */
  organisations: Array<Organisation>;
  viewer: Viewer;
};


/** The Pleo gateway: discovery of organisations and companies, and each company's books. */
export type QueryCompanyArgs = {
  id: Scalars['ID']['input'];
};


/** The Pleo gateway: discovery of organisations and companies, and each company's books. */
export type QueryCompanyEventSubscriptionsArgs = {
  companyId: Scalars['ID']['input'];
};


/** The Pleo gateway: discovery of organisations and companies, and each company's books. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The Pleo gateway: discovery of organisations and companies, and each company's books. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** The Pleo gateway: discovery of organisations and companies, and each company's books. */
export type QueryOrganisationArgs = {
  id: Scalars['ID']['input'];
};

/** Pleo rate-limited the request (HTTP 429); nothing was written. */
export type RateLimited = MutationError & {
  __typename?: 'RateLimited';
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

export type RemoveCompanyEventSubscriptionInput = {
  /** Pleo's UUID or a Company global ID. */
  companyId: Scalars['ID']['input'];
  subscriptionId: Scalars['UUID']['input'];
};

export type RemoveCompanyEventSubscriptionPayload = {
  __typename?: 'RemoveCompanyEventSubscriptionPayload';
  companyId: Scalars['UUID']['output'];
  subscriptionId: Scalars['UUID']['output'];
};

export type RemoveCompanyEventSubscriptionResult = AccessDenied | Conflict | NotFound | RateLimited | RemoveCompanyEventSubscriptionPayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WebhooksUnavailable | WriteOutcomeUnknown;

export type ReplacePleoApiKeyInput = {
  /** The API key; never echoed or logged. */
  apiKey: Scalars['String']['input'];
  subject: ConnectionSubjectInput;
};

export type ReplacePleoApiKeyResult = ConnectionFailure | PleoConnectionPayload;

export type ReportExportJobItemsInput = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** 1 to 10000 item results; sent to Pleo in batches of 100. */
  items: Array<ExportJobItemResultInput>;
  /** An ExportJob global ID, or Pleo's UUID together with companyId. */
  jobId: Scalars['ID']['input'];
};

/** Item results sent in Pleo's batches of at most 100, one after the other. If a batch fails after others were applied, `complete` is false, `failure` says why, and the entries not applied are listed (none was sent twice). */
export type ReportExportJobItemsPayload = {
  __typename?: 'ReportExportJobItemsPayload';
  appliedCount: Scalars['Int']['output'];
  /** Batches of at most 100 the results were split into. */
  batches: Scalars['Int']['output'];
  /** Whether every batch was sent and answered. */
  complete: Scalars['Boolean']['output'];
  exportJobId: Scalars['UUID']['output'];
  /** Why the remaining batches were not sent. */
  failure?: Maybe<MutationError>;
  /** Every item result Pleo refused, from all batches. */
  itemErrors: Array<ExportJobItemUpdateError>;
  /** The items Pleo updated, as it returned them. */
  items: Array<ExportJobItem>;
  /** The job as Pleo reports it now (needs `export-jobs:read`). */
  job?: Maybe<ExportJob>;
  /** Entries never sent because an earlier batch failed: report them again. */
  notSentAccountingEntryIds: Array<Scalars['UUID']['output']>;
  /** Entries of the batch whose outcome is unknown (WriteOutcomeUnknown): check the job's items. */
  outcomeUnknownAccountingEntryIds: Array<Scalars['UUID']['output']>;
  /** PUT requests sent to Pleo. */
  requestsSent: Scalars['Int']['output'];
};

export type ReportExportJobItemsResult = AccessDenied | Conflict | InvalidExportJobTransition | NotFound | RateLimited | ReportExportJobItemsPayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type SortOrder =
  | 'ASC'
  | 'ASC_NULLS_FIRST'
  | 'ASC_NULLS_LAST'
  | 'DESC'
  | 'DESC_NULLS_FIRST'
  | 'DESC_NULLS_LAST';

export type StartExportJobInput = {
  /** Needed with a raw UUID jobId; must match a global ID's company. */
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** An ExportJob global ID, or Pleo's UUID together with companyId. */
  jobId: Scalars['ID']['input'];
};

export type StartExportJobResult = AccessDenied | Conflict | ExportJobEventPayload | InvalidExportJobTransition | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

export type StartPleoConnectionInput = {
  /** Where the browser goes afterwards; must be on OAUTH_RETURN_TO_ALLOWLIST. */
  returnTo: Scalars['String']['input'];
};

export type StartPleoConnectionPayload = {
  __typename?: 'StartPleoConnectionPayload';
  /** Pleo's consent page. Open it in the same browser that called this mutation: the flow is bound to it by a cookie on /oauth/pleo/callback. The browser ends up at returnTo?connection=<outcome>. */
  authorizationUrl: Scalars['String']['output'];
};

export type StartPleoConnectionResult = ConnectionFailure | StartPleoConnectionPayload;

export type SubscribeCompanyToEventsInput = {
  /** Pleo's UUID or a Company global ID. */
  companyId: Scalars['ID']['input'];
  eventTypes: Array<WebhookEventType>;
};

export type SubscribeCompanyToEventsPayload = {
  __typename?: 'SubscribeCompanyToEventsPayload';
  subscription: WebhookSubscription;
};

export type SubscribeCompanyToEventsResult = AccessDenied | Conflict | NotFound | RateLimited | SubscribeCompanyToEventsPayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WebhooksUnavailable | WriteOutcomeUnknown;

/** One company's events, over GraphQL over SSE or graphql-ws. Delivery is at-most-once: after a reconnect, catch up by re-reading (docs/subscriptions.md). */
export type Subscription = {
  __typename?: 'Subscription';
  /** Every event of this company the caller's credential may read: needs a credential bound to the company; each event is delivered only with its resource's read scope. */
  companyEvents?: Maybe<CompanyEvent>;
  /** Export jobs created in this company from now on. Needs a credential bound to the company with `export-jobs:read`. */
  exportJobCreated?: Maybe<ExportJob>;
  /** Vendors created in this company from now on. Needs a credential bound to the company with `vendors:read`. */
  vendorCreated?: Maybe<Vendor>;
};


/** One company's events, over GraphQL over SSE or graphql-ws. Delivery is at-most-once: after a reconnect, catch up by re-reading (docs/subscriptions.md). */
export type SubscriptionCompanyEventsArgs = {
  companyId: Scalars['ID']['input'];
};


/** One company's events, over GraphQL over SSE or graphql-ws. Delivery is at-most-once: after a reconnect, catch up by re-reading (docs/subscriptions.md). */
export type SubscriptionExportJobCreatedArgs = {
  companyId: Scalars['ID']['input'];
};


/** One company's events, over GraphQL over SSE or graphql-ws. Delivery is at-most-once: after a reconnect, catch up by re-reading (docs/subscriptions.md). */
export type SubscriptionVendorCreatedArgs = {
  companyId: Scalars['ID']['input'];
};

export type SyncAction =
  | 'CREATED'
  /** Pleo refused it, or its outcome is unknown (see error). */
  | 'FAILED'
  /** Not attempted: the company failed before (see the outcome's error). */
  | 'SKIPPED'
  /** Already as given: nothing was sent. */
  | 'UNCHANGED'
  | 'UPDATED';

export type SyncTaxCodesInput = {
  /** The companies (UUIDs or Company global IDs, at most 50). Left out: every company this request holds a company credential for. */
  companyIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 1 to 500 tax codes. */
  taxCodes: Array<TaxCodeSyncInput>;
};

export type SyncTaxCodesPayload = {
  __typename?: 'SyncTaxCodesPayload';
  /** Companies where not everything was done (PARTIAL or FAILED). */
  failed: Scalars['Int']['output'];
  outcomes: Array<CompanyTaxCodeSync>;
  /** Companies where everything was done. */
  succeeded: Scalars['Int']['output'];
};

export type SyncTaxCodesResult = SyncTaxCodesPayload | ValidationFailed;

export type SyncVendorsInput = {
  /** The companies (UUIDs or Company global IDs, at most 50). Left out: every company this request holds a company credential for. */
  companyIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 1 to 1000 vendors. */
  vendors: Array<VendorSyncInput>;
};

export type SyncVendorsPayload = {
  __typename?: 'SyncVendorsPayload';
  /** Companies where not everything was done (PARTIAL or FAILED). */
  failed: Scalars['Int']['output'];
  outcomes: Array<CompanyVendorSync>;
  /** Companies where everything was done. */
  succeeded: Scalars['Int']['output'];
};

export type SyncVendorsResult = SyncVendorsPayload | ValidationFailed;

/** A tag (a value of a tag group) of one company. */
export type Tag = Node & {
  __typename?: 'Tag';
  archived: Scalars['Boolean']['output'];
  /** The tag's code in the accounting system. */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The tag's group (from one tag-group list call per company and request). */
  group?: Maybe<TagGroup>;
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** Pleo's tag id. */
  tagId: Scalars['UUID']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** A tag group (an accounting dimension such as department or project) of one company. */
export type TagGroup = Node & {
  __typename?: 'TagGroup';
  archived: Scalars['Boolean']['output'];
  /** The group's code in the accounting system. */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  metadata?: Maybe<Scalars['JSONObject']['output']>;
  name: Scalars['String']['output'];
  /** Pleo's tag group id. */
  tagGroupId: Scalars['UUID']['output'];
  /** The group's tags (active only unless `includeArchived`). Needs `tag-groups:read`. */
  tags?: Maybe<TagGroupTagsConnection>;
  /** How many tags the group has, as Pleo counts them. */
  totalTagsCount?: Maybe<Scalars['Int']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};


/** A tag group (an accounting dimension such as department or project) of one company. */
export type TagGroupTagsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type TagGroupPayload = {
  __typename?: 'TagGroupPayload';
  tagGroup: TagGroup;
};

export type TagGroupTagsConnection = {
  __typename?: 'TagGroupTagsConnection';
  edges: Array<TagGroupTagsConnectionEdge>;
  pageInfo: PageInfo;
  /** How many items the whole list holds, as Pleo reports it (null when Pleo does not say). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type TagGroupTagsConnectionEdge = {
  __typename?: 'TagGroupTagsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Tag;
};

export type TagPayload = {
  __typename?: 'TagPayload';
  tag: Tag;
};

/** A tax code (VAT rate) of one company. */
export type TaxCode = Node & {
  __typename?: 'TaxCode';
  accountingIntegrationSystem?: Maybe<Scalars['String']['output']>;
  archived: Scalars['Boolean']['output'];
  /** The code in the accounting system. */
  code?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  ingoingTaxAccount?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  outgoingTaxAccount?: Maybe<Scalars['String']['output']>;
  /** The rate as a decimal fraction: 0.21 is 21 %. */
  rate: Scalars['Float']['output'];
  /** Pleo's tax code id. */
  taxCodeId: Scalars['UUID']['output'];
  type: TaxCodeType;
  updatedAt: Scalars['DateTime']['output'];
};

/** Filters Pleo's tax code search supports. */
export type TaxCodeFilter = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['UUID']['input']>>;
  type?: InputMaybe<TaxCodeType>;
};

/** The tax code as Pleo stored it. */
export type TaxCodePayload = {
  __typename?: 'TaxCodePayload';
  taxCode: TaxCode;
};

/** A tax code as the accounting system has it, matched by `code`. Left-out optional fields keep their value in Pleo; null clears them. */
export type TaxCodeSyncInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The tax code's id in the accounting system. */
  code: Scalars['String']['input'];
  ingoingTaxAccount?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  outgoingTaxAccount?: InputMaybe<Scalars['String']['input']>;
  /** Decimal fraction: 0.21 is 21 %. */
  rate: Scalars['Float']['input'];
  type: TaxCodeType;
};

export type TaxCodeSyncItemResult = {
  __typename?: 'TaxCodeSyncItemResult';
  action: SyncAction;
  code: Scalars['String']['output'];
  error?: Maybe<MutationError>;
  /** The object as Pleo holds it now (not for FAILED or SKIPPED). */
  taxCode?: Maybe<TaxCode>;
};

export type TaxCodeType =
  /** Tax is added on top of the amount. */
  | 'EXCLUSIVE'
  /** Tax is included in the amount. */
  | 'INCLUSIVE'
  /** Reverse charge: the buyer accounts for the tax. */
  | 'REVERSE';

/** Changes to an account. A field left out keeps its value; null clears an optional field. */
export type UpdateAccountInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The account number, e.g. 4000 (at most 255 characters). */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Needed with a raw UUID id; must match a global ID's company. */
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** An Account global ID, or Pleo's UUID together with companyId. */
  id: Scalars['ID']['input'];
  /** Free-form data: a JSON object whose values are JSON objects (or null), as Pleo stores it. */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** The code (in the accounting system) of the account's default tax code; it must exist in Pleo. */
  taxCodeExternalId?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateAccountResult = AccessDenied | AccountPayload | Conflict | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

/** Changes to a tag group. A field left out keeps its value. */
export type UpdateTagGroupInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The group's code in the accounting system (unique in the company). */
  code?: InputMaybe<Scalars['String']['input']>;
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** A TagGroup global ID, or Pleo's UUID together with companyId. */
  id: Scalars['ID']['input'];
  /** Free-form data: a JSON object of string values. Replaces the whole map. */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateTagGroupResult = AccessDenied | Conflict | NotFound | RateLimited | TagGroupPayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

/** Changes to a tag. A field left out keeps its value; null clears the name. */
export type UpdateTagInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The tag's code in the accounting system (unique in its group). */
  code?: InputMaybe<Scalars['String']['input']>;
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** A Tag global ID, or Pleo's UUID together with companyId. */
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateTagResult = AccessDenied | Conflict | NotFound | RateLimited | TagPayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

/** Changes to a tax code. A field left out keeps its value; null clears an optional field. */
export type UpdateTaxCodeInput = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  /** The tax code's id in the accounting system (unique in the company). */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Needed with a raw UUID id; must match a global ID's company. */
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** A TaxCode global ID, or Pleo's UUID together with companyId. */
  id: Scalars['ID']['input'];
  ingoingTaxAccount?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  outgoingTaxAccount?: InputMaybe<Scalars['String']['input']>;
  /** The rate as a decimal fraction: 0.21 is 21 %. */
  rate?: InputMaybe<Scalars['Float']['input']>;
  type?: InputMaybe<TaxCodeType>;
};

export type UpdateTaxCodeResult = AccessDenied | Conflict | NotFound | RateLimited | TaxCodePayload | UpstreamRejected | UpstreamUnavailable | ValidationFailed | WriteOutcomeUnknown;

/** Changes to a vendor. A field left out keeps its value; null clears an optional field. `externalId` is required by Pleo on update: a DRAFT vendor needs one here. */
export type UpdateVendorInput = {
  /** The vendor's account code in the accounting system. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Needed with a raw UUID id; must match a global ID's company. */
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** ISO 3166-1 alpha-2, e.g. NL. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** ISO 4217, e.g. EUR. */
  defaultCurrency?: InputMaybe<Scalars['String']['input']>;
  /** The vendor's id in the accounting system. A vendor created with one is ACTIVE, without one DRAFT. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** A Vendor global ID, or Pleo's UUID together with companyId. */
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  registrationNumber?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<VendorState>;
  /** VAT/GST/tax id. */
  taxRegistrationNumber?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateVendorResult = AccessDenied | Conflict | NotFound | RateLimited | UpstreamRejected | UpstreamUnavailable | ValidationFailed | VendorPayload | WriteOutcomeUnknown;

/** Pleo refused the request; `upstreamType` is its ExceptionInfo type when it sent one. */
export type UpstreamRejected = MutationError & {
  __typename?: 'UpstreamRejected';
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
  upstreamStatus?: Maybe<Scalars['Int']['output']>;
  upstreamType?: Maybe<Scalars['String']['output']>;
};

/** Pleo could not be reached or answered badly, for a request that changed nothing (a read, or a write Pleo answered with 503). */
export type UpstreamUnavailable = MutationError & {
  __typename?: 'UpstreamUnavailable';
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
  /** Whether trying again later is expected to help. */
  retryable: Scalars['Boolean']['output'];
  upstreamStatus?: Maybe<Scalars['Int']['output']>;
};

/** The input was refused before anything was sent to Pleo. `issues` lists every problem at once; the code is FOREIGN_ID when an id belongs to another company, INVALID_ID for a malformed id, else VALIDATION_FAILED. */
export type ValidationFailed = MutationError & {
  __typename?: 'ValidationFailed';
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  issues: Array<ValidationIssue>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
};

export type ValidationIssue = {
  __typename?: 'ValidationIssue';
  code: MutationErrorCode;
  message: Scalars['String']['output'];
  /** Argument path, e.g. `input.items.3.externalId`. */
  path: Scalars['String']['output'];
};

/** A supplier in one company's vendor register. */
export type Vendor = Node & {
  __typename?: 'Vendor';
  accountingSystem?: Maybe<Scalars['String']['output']>;
  code?: Maybe<Scalars['String']['output']>;
  company?: Maybe<Company>;
  /** ISO 3166 alpha-2. */
  country?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** ISO 4217. */
  defaultCurrency: Scalars['String']['output'];
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  registrationNumber?: Maybe<Scalars['String']['output']>;
  state: VendorState;
  taxRegistrationNumber?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Pleo's vendor id. */
  vendorId: Scalars['UUID']['output'];
};

/** Filters Pleo's vendor search supports; values within a list are alternatives. */
export type VendorFilter = {
  codes?: InputMaybe<Array<Scalars['String']['input']>>;
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  externalIds?: InputMaybe<Array<Scalars['String']['input']>>;
  ids?: InputMaybe<Array<Scalars['UUID']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  states?: InputMaybe<Array<VendorState>>;
  taxRegistrationNumbers?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The vendor as Pleo stored it. */
export type VendorPayload = {
  __typename?: 'VendorPayload';
  vendor: Vendor;
};

export type VendorState =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'DRAFT';

/** A vendor as the accounting system has it, matched by `externalId`. Left-out optional fields keep their value in Pleo; null clears them. */
export type VendorSyncInput = {
  code?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** ISO 4217, e.g. EUR. */
  defaultCurrency: Scalars['String']['input'];
  /** The vendor's id in the accounting system. */
  externalId: Scalars['String']['input'];
  name: Scalars['String']['input'];
  registrationNumber?: InputMaybe<Scalars['String']['input']>;
  taxRegistrationNumber?: InputMaybe<Scalars['String']['input']>;
};

export type VendorSyncItemResult = {
  __typename?: 'VendorSyncItemResult';
  action: SyncAction;
  error?: Maybe<MutationError>;
  externalId: Scalars['String']['output'];
  /** The object as Pleo holds it now (not for FAILED or SKIPPED). */
  vendor?: Maybe<Vendor>;
};

/** Who is calling and what it may see. Contains no secret. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Whether the caller presented a verified JWT or at least one Pleo credential. */
  authenticated: Scalars['Boolean']['output'];
  /** Every company this request can discover (through organisation or company credentials). */
  companies?: Maybe<Array<Company>>;
  /** Grants of the caller's JWT that cannot be served (no stored credential, rejected, mismatched). */
  credentialProblems: Array<CredentialProblem>;
  /** Every credential this request can use, with the company or organisation Pleo bound it to. */
  credentials: Array<CredentialInfo>;
  organisations: Array<Organisation>;
  tokenExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The `sub` of the caller's verified JWT. */
  tokenSubject?: Maybe<Scalars['String']['output']>;
};

/** Pleo webhook events the gateway subscribes to and publishes as company events. */
export type WebhookEventType =
  | 'EXPORT_JOB_CREATED'
  | 'VENDOR_CREATED';

/** One of a company's Pleo webhook subscriptions. Its signing secret is never returned. */
export type WebhookSubscription = {
  __typename?: 'WebhookSubscription';
  companyId: Scalars['UUID']['output'];
  createdAt: Scalars['DateTime']['output'];
  endpointUrl: Scalars['String']['output'];
  /** The events it delivers that the gateway publishes (under either of Pleo's spellings). */
  eventTypes: Array<WebhookEventType>;
  id: Scalars['UUID']['output'];
  /** Pleo's event types, as Pleo reports them. */
  pleoEventTypes: Array<Scalars['String']['output']>;
  /** The gateway keeps this subscription's secret (sealed), so it accepts its deliveries. */
  secretHeld: Scalars['Boolean']['output'];
  status: WebhookSubscriptionStatus;
  updatedAt: Scalars['DateTime']['output'];
};

export type WebhookSubscriptionStatus =
  | 'ACTIVE'
  | 'INACTIVE';

export type WebhooksErrorCode =
  | 'WEBHOOKS_NOT_CONFIGURED'
  | 'WEBHOOK_SECRET_STORE_UNAVAILABLE';

/** The gateway cannot manage webhook subscriptions now: no public URL or vault key configured (WEBHOOKS_NOT_CONFIGURED), or its secret store is unreachable (WEBHOOK_SECRET_STORE_UNAVAILABLE). Nothing is left subscribed. */
export type WebhooksUnavailable = {
  __typename?: 'WebhooksUnavailable';
  code: WebhooksErrorCode;
  companyId?: Maybe<Scalars['UUID']['output']>;
  message: Scalars['String']['output'];
};

/** A write was sent but its outcome is unknown (timeout, dropped connection, an ambiguous 5xx). Pleo has no idempotency keys, so it was not retried: check Pleo's state as `check` says before trying again. */
export type WriteOutcomeUnknown = MutationError & {
  __typename?: 'WriteOutcomeUnknown';
  /** What happened to the request: UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE, … */
  cause: MutationErrorCode;
  /** How to find out whether it was applied. */
  check: Scalars['String']['output'];
  code: MutationErrorCode;
  /** The company the mutation acted on, when it was known. */
  companyId?: Maybe<Scalars['UUID']['output']>;
  /** For people; branch on `code` and the type. */
  message: Scalars['String']['output'];
  /** The write, e.g. `vendor create`. */
  operation: Scalars['String']['output'];
};

export type ExampleExportJobFragment = { __typename?: 'ExportJob', id: string, exportJobId: string, status: ExportJobStatus, numberOfItems: number, createdAt: string, lastUpdatedAt?: string | null, failureReason?: string | null, failureReasonType?: ExportJobFailureReasonType | null };

export type ExportQueueQueryVariables = Exact<{
  companyId: Scalars['ID']['input'];
}>;


export type ExportQueueQuery = { __typename?: 'Query', company?: { __typename?: 'Company', name: string, exportJobs?: { __typename?: 'CompanyExportJobsConnection', edges: Array<{ __typename?: 'CompanyExportJobsConnectionEdge', node: { __typename?: 'ExportJob', id: string, exportJobId: string, status: ExportJobStatus, numberOfItems: number, createdAt: string, lastUpdatedAt?: string | null, failureReason?: string | null, failureReasonType?: ExportJobFailureReasonType | null } }> } | null, accountingEntries?: { __typename?: 'CompanyAccountingEntriesConnection', edges: Array<{ __typename?: 'CompanyAccountingEntriesConnectionEdge', node: { __typename?: 'AccountingEntry', id: string } }> } | null } | null };

export type CreateExportJobMutationVariables = Exact<{
  companyId: Scalars['ID']['input'];
  entryIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type CreateExportJobMutation = { __typename?: 'Mutation', createExportJob?:
    | { __typename: 'AccessDenied', code: MutationErrorCode, message: string }
    | { __typename: 'Conflict', code: MutationErrorCode, message: string }
    | { __typename: 'ExportAlreadyInProgress', code: MutationErrorCode, message: string, runningJobs: Array<{ __typename?: 'ExportJob', id: string, exportJobId: string, status: ExportJobStatus, numberOfItems: number, createdAt: string, lastUpdatedAt?: string | null, failureReason?: string | null, failureReasonType?: ExportJobFailureReasonType | null }> }
    | { __typename: 'ExportJobPayload', job: { __typename?: 'ExportJob', id: string, exportJobId: string, status: ExportJobStatus, numberOfItems: number, createdAt: string, lastUpdatedAt?: string | null, failureReason?: string | null, failureReasonType?: ExportJobFailureReasonType | null } }
    | { __typename: 'NotFound', code: MutationErrorCode, message: string }
    | { __typename: 'RateLimited', code: MutationErrorCode, message: string }
    | { __typename: 'UpstreamRejected', code: MutationErrorCode, message: string }
    | { __typename: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
    | { __typename: 'ValidationFailed', code: MutationErrorCode, message: string }
    | { __typename: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
   | null };

export type StartExportJobMutationVariables = Exact<{
  jobId: Scalars['ID']['input'];
}>;


export type StartExportJobMutation = { __typename?: 'Mutation', startExportJob?:
    | { __typename: 'AccessDenied', code: MutationErrorCode, message: string }
    | { __typename: 'Conflict', code: MutationErrorCode, message: string }
    | { __typename: 'ExportJobEventPayload', job?: { __typename?: 'ExportJob', id: string, exportJobId: string, status: ExportJobStatus, numberOfItems: number, createdAt: string, lastUpdatedAt?: string | null, failureReason?: string | null, failureReasonType?: ExportJobFailureReasonType | null } | null }
    | { __typename: 'InvalidExportJobTransition', code: MutationErrorCode, message: string }
    | { __typename: 'NotFound', code: MutationErrorCode, message: string }
    | { __typename: 'RateLimited', code: MutationErrorCode, message: string }
    | { __typename: 'UpstreamRejected', code: MutationErrorCode, message: string }
    | { __typename: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
    | { __typename: 'ValidationFailed', code: MutationErrorCode, message: string }
    | { __typename: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
   | null };

export type ExportItemsPageQueryVariables = Exact<{
  jobId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExportItemsPageQuery = { __typename?: 'Query', node?:
    | { __typename?: 'Account' }
    | { __typename?: 'AccountingEntry' }
    | { __typename?: 'Company' }
    | { __typename?: 'Employee' }
    | { __typename?: 'ExportJob', exportItems?: { __typename?: 'ExportJobExportItemsConnection', totalCount?: number | null, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'ExportJobExportItemsConnectionEdge', node: { __typename?: 'ExportItem', accountingEntryId: string, type: string, date: string, amount: { __typename?: 'ExportItemAmount', inWalletCurrency: { __typename?: 'Money', amount: string, currency: string } }, lines: Array<{ __typename?: 'ExportItemLine', account?: { __typename?: 'ExportItemAccount', code?: string | null, name: string } | null }> } }> } | null }
    | { __typename?: 'Organisation' }
    | { __typename?: 'Tag' }
    | { __typename?: 'TagGroup' }
    | { __typename?: 'TaxCode' }
    | { __typename?: 'Vendor' }
   | null };

export type ReportExportItemsMutationVariables = Exact<{
  jobId: Scalars['ID']['input'];
  items: Array<ExportJobItemResultInput> | ExportJobItemResultInput;
}>;


export type ReportExportItemsMutation = { __typename?: 'Mutation', reportExportJobItems?:
    | { __typename: 'AccessDenied', code: MutationErrorCode, message: string }
    | { __typename: 'Conflict', code: MutationErrorCode, message: string }
    | { __typename: 'InvalidExportJobTransition', code: MutationErrorCode, message: string }
    | { __typename: 'NotFound', code: MutationErrorCode, message: string }
    | { __typename: 'RateLimited', code: MutationErrorCode, message: string }
    | { __typename: 'ReportExportJobItemsPayload', batches: number, requestsSent: number, appliedCount: number, complete: boolean, outcomeUnknownAccountingEntryIds: Array<string>, notSentAccountingEntryIds: Array<string>, itemErrors: Array<{ __typename?: 'ExportJobItemUpdateError', accountingEntryId: string, type: string, message: string }>, failure?:
        | { __typename?: 'AccessDenied', code: MutationErrorCode, message: string }
        | { __typename?: 'AccountInUse', code: MutationErrorCode, message: string }
        | { __typename?: 'Conflict', code: MutationErrorCode, message: string }
        | { __typename?: 'ExportAlreadyInProgress', code: MutationErrorCode, message: string }
        | { __typename?: 'InvalidExportJobTransition', code: MutationErrorCode, message: string }
        | { __typename?: 'NotFound', code: MutationErrorCode, message: string }
        | { __typename?: 'RateLimited', code: MutationErrorCode, message: string }
        | { __typename?: 'UpstreamRejected', code: MutationErrorCode, message: string }
        | { __typename?: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
        | { __typename?: 'ValidationFailed', code: MutationErrorCode, message: string }
        | { __typename?: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
       | null }
    | { __typename: 'UpstreamRejected', code: MutationErrorCode, message: string }
    | { __typename: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
    | { __typename: 'ValidationFailed', code: MutationErrorCode, message: string }
    | { __typename: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
   | null };

export type CompleteExportJobMutationVariables = Exact<{
  jobId: Scalars['ID']['input'];
  withErrors: Scalars['Boolean']['input'];
}>;


export type CompleteExportJobMutation = { __typename?: 'Mutation', completeExportJob?:
    | { __typename: 'AccessDenied', code: MutationErrorCode, message: string }
    | { __typename: 'Conflict', code: MutationErrorCode, message: string }
    | { __typename: 'ExportJobEventPayload', job?: { __typename?: 'ExportJob', id: string, exportJobId: string, status: ExportJobStatus, numberOfItems: number, createdAt: string, lastUpdatedAt?: string | null, failureReason?: string | null, failureReasonType?: ExportJobFailureReasonType | null } | null }
    | { __typename: 'InvalidExportJobTransition', code: MutationErrorCode, message: string }
    | { __typename: 'NotFound', code: MutationErrorCode, message: string }
    | { __typename: 'RateLimited', code: MutationErrorCode, message: string }
    | { __typename: 'UpstreamRejected', code: MutationErrorCode, message: string }
    | { __typename: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
    | { __typename: 'ValidationFailed', code: MutationErrorCode, message: string }
    | { __typename: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
   | null };

export type FailExportJobMutationVariables = Exact<{
  jobId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type FailExportJobMutation = { __typename?: 'Mutation', failExportJob?:
    | { __typename: 'AccessDenied', code: MutationErrorCode, message: string }
    | { __typename: 'Conflict', code: MutationErrorCode, message: string }
    | { __typename: 'ExportJobEventPayload' }
    | { __typename: 'InvalidExportJobTransition', code: MutationErrorCode, message: string }
    | { __typename: 'NotFound', code: MutationErrorCode, message: string }
    | { __typename: 'RateLimited', code: MutationErrorCode, message: string }
    | { __typename: 'UpstreamRejected', code: MutationErrorCode, message: string }
    | { __typename: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
    | { __typename: 'ValidationFailed', code: MutationErrorCode, message: string }
    | { __typename: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
   | null };

export type ExportJobResultQueryVariables = Exact<{
  jobId: Scalars['ID']['input'];
}>;


export type ExportJobResultQuery = { __typename?: 'Query', node?:
    | { __typename?: 'Account' }
    | { __typename?: 'AccountingEntry' }
    | { __typename?: 'Company' }
    | { __typename?: 'Employee' }
    | { __typename?: 'ExportJob', completedAt?: string | null, id: string, exportJobId: string, status: ExportJobStatus, numberOfItems: number, createdAt: string, lastUpdatedAt?: string | null, failureReason?: string | null, failureReasonType?: ExportJobFailureReasonType | null, successful?: { __typename?: 'ExportJobItemsConnection', totalCount?: number | null } | null, failed?: { __typename?: 'ExportJobItemsConnection', totalCount?: number | null, edges: Array<{ __typename?: 'ExportJobItemsConnectionEdge', node: { __typename?: 'ExportJobItem', accountingEntryId: string, failureReasonType?: ExportJobItemFailureReasonType | null, failureReason?: string | null } }> } | null }
    | { __typename?: 'Organisation' }
    | { __typename?: 'Tag' }
    | { __typename?: 'TagGroup' }
    | { __typename?: 'TaxCode' }
    | { __typename?: 'Vendor' }
   | null };

export type ExampleCredentialsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExampleCredentialsQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', credentials: Array<{ __typename?: 'CredentialInfo', kind: CredentialKind, subjectType: CredentialSubjectType, companyId?: string | null, scopes: Array<string> }> } };

export type SyncMasterDataMutationVariables = Exact<{
  companyIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  taxCodes: Array<TaxCodeSyncInput> | TaxCodeSyncInput;
  vendors: Array<VendorSyncInput> | VendorSyncInput;
}>;


export type SyncMasterDataMutation = { __typename?: 'Mutation', syncTaxCodes?:
    | { __typename: 'SyncTaxCodesPayload', succeeded: number, failed: number, outcomes: Array<{ __typename?: 'CompanyTaxCodeSync', companyId: string, status: CompanyOutcomeStatus, created: number, updated: number, unchanged: number, failed: number, skipped: number, company?: { __typename?: 'Company', name: string } | null, error?:
          | { __typename?: 'AccessDenied', code: MutationErrorCode, message: string }
          | { __typename?: 'AccountInUse', code: MutationErrorCode, message: string }
          | { __typename?: 'Conflict', code: MutationErrorCode, message: string }
          | { __typename?: 'ExportAlreadyInProgress', code: MutationErrorCode, message: string }
          | { __typename?: 'InvalidExportJobTransition', code: MutationErrorCode, message: string }
          | { __typename?: 'NotFound', code: MutationErrorCode, message: string }
          | { __typename?: 'RateLimited', code: MutationErrorCode, message: string }
          | { __typename?: 'UpstreamRejected', code: MutationErrorCode, message: string }
          | { __typename?: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
          | { __typename?: 'ValidationFailed', code: MutationErrorCode, message: string }
          | { __typename?: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
         | null, items: Array<{ __typename?: 'TaxCodeSyncItemResult', code: string, action: SyncAction, error?:
            | { __typename?: 'AccessDenied', code: MutationErrorCode, message: string }
            | { __typename?: 'AccountInUse', code: MutationErrorCode, message: string }
            | { __typename?: 'Conflict', code: MutationErrorCode, message: string }
            | { __typename?: 'ExportAlreadyInProgress', code: MutationErrorCode, message: string }
            | { __typename?: 'InvalidExportJobTransition', code: MutationErrorCode, message: string }
            | { __typename?: 'NotFound', code: MutationErrorCode, message: string }
            | { __typename?: 'RateLimited', code: MutationErrorCode, message: string }
            | { __typename?: 'UpstreamRejected', code: MutationErrorCode, message: string }
            | { __typename?: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
            | { __typename?: 'ValidationFailed', code: MutationErrorCode, message: string }
            | { __typename?: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
           | null }> }> }
    | { __typename: 'ValidationFailed', message: string }
   | null, syncVendors?:
    | { __typename: 'SyncVendorsPayload', succeeded: number, failed: number, outcomes: Array<{ __typename?: 'CompanyVendorSync', companyId: string, status: CompanyOutcomeStatus, created: number, updated: number, unchanged: number, failed: number, skipped: number, company?: { __typename?: 'Company', name: string } | null, error?:
          | { __typename?: 'AccessDenied', code: MutationErrorCode, message: string }
          | { __typename?: 'AccountInUse', code: MutationErrorCode, message: string }
          | { __typename?: 'Conflict', code: MutationErrorCode, message: string }
          | { __typename?: 'ExportAlreadyInProgress', code: MutationErrorCode, message: string }
          | { __typename?: 'InvalidExportJobTransition', code: MutationErrorCode, message: string }
          | { __typename?: 'NotFound', code: MutationErrorCode, message: string }
          | { __typename?: 'RateLimited', code: MutationErrorCode, message: string }
          | { __typename?: 'UpstreamRejected', code: MutationErrorCode, message: string }
          | { __typename?: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
          | { __typename?: 'ValidationFailed', code: MutationErrorCode, message: string }
          | { __typename?: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
         | null, items: Array<{ __typename?: 'VendorSyncItemResult', externalId: string, action: SyncAction, vendor?: { __typename?: 'Vendor', id: string, state: VendorState } | null, error?:
            | { __typename?: 'AccessDenied', code: MutationErrorCode, message: string }
            | { __typename?: 'AccountInUse', code: MutationErrorCode, message: string }
            | { __typename?: 'Conflict', code: MutationErrorCode, message: string }
            | { __typename?: 'ExportAlreadyInProgress', code: MutationErrorCode, message: string }
            | { __typename?: 'InvalidExportJobTransition', code: MutationErrorCode, message: string }
            | { __typename?: 'NotFound', code: MutationErrorCode, message: string }
            | { __typename?: 'RateLimited', code: MutationErrorCode, message: string }
            | { __typename?: 'UpstreamRejected', code: MutationErrorCode, message: string }
            | { __typename?: 'UpstreamUnavailable', code: MutationErrorCode, message: string }
            | { __typename?: 'ValidationFailed', code: MutationErrorCode, message: string }
            | { __typename?: 'WriteOutcomeUnknown', code: MutationErrorCode, message: string }
           | null }> }> }
    | { __typename: 'ValidationFailed', message: string }
   | null };

export type SyncedMasterDataQueryVariables = Exact<{
  companyId: Scalars['ID']['input'];
  vendorExternalIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type SyncedMasterDataQuery = { __typename?: 'Query', company?: { __typename?: 'Company', name: string, taxCodes?: { __typename?: 'CompanyTaxCodesConnection', edges: Array<{ __typename?: 'CompanyTaxCodesConnectionEdge', node: { __typename?: 'TaxCode', code?: string | null, name: string, rate: number, type: TaxCodeType, archived: boolean } }> } | null, vendors?: { __typename?: 'CompanyVendorsConnection', totalCount?: number | null, edges: Array<{ __typename?: 'CompanyVendorsConnectionEdge', node: { __typename?: 'Vendor', externalId?: string | null, name: string, state: VendorState, defaultCurrency: string, country?: string | null } }> } | null } | null };

export type CompanyVendorsQueryVariables = Exact<{
  companyId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VendorFilter>;
}>;


export type CompanyVendorsQuery = { __typename?: 'Query', company?: { __typename?: 'Company', id: string, companyId: string, name: string, vendors?: { __typename?: 'CompanyVendorsConnection', totalCount?: number | null, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'CompanyVendorsConnectionEdge', cursor: string, node: { __typename?: 'Vendor', id: string, vendorId: string, name: string, state: VendorState, defaultCurrency: string, country?: string | null } }> } | null } | null };

export type ViewerOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerOverviewQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', authenticated: boolean, tokenSubject?: string | null, credentials: Array<{ __typename?: 'CredentialInfo', id: string, kind: CredentialKind, source: CredentialSource, subjectType: CredentialSubjectType, companyId?: string | null, organisationId?: string | null, scopes: Array<string> }>, credentialProblems: Array<{ __typename?: 'CredentialProblem', code: string, subjectId: string }>, organisations: Array<{ __typename?: 'Organisation', organisationId: string }> } };

export type GroupBooksQueryVariables = Exact<{
  org: Scalars['ID']['input'];
  n: Scalars['Int']['input'];
}>;


export type GroupBooksQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', companies?: { __typename?: 'OrganisationCompaniesConnection', edges: Array<{ __typename?: 'OrganisationCompaniesConnectionEdge', node: { __typename?: 'Company', name: string, accounts?: { __typename?: 'CompanyAccountsConnection', totalCount?: number | null, edges: Array<{ __typename?: 'CompanyAccountsConnectionEdge', node: { __typename?: 'Account', code?: string | null, name: string } }> } | null, taxCodes?: { __typename?: 'CompanyTaxCodesConnection', edges: Array<{ __typename?: 'CompanyTaxCodesConnectionEdge', node: { __typename?: 'TaxCode', name: string, rate: number } }> } | null, tagGroups?: Array<{ __typename?: 'TagGroup', name: string }> | null, vendors?: { __typename?: 'CompanyVendorsConnection', edges: Array<{ __typename?: 'CompanyVendorsConnectionEdge', node: { __typename?: 'Vendor', name: string } }> } | null, accountingEntries?: { __typename?: 'CompanyAccountingEntriesConnection', edges: Array<{ __typename?: 'CompanyAccountingEntriesConnectionEdge', node: { __typename?: 'AccountingEntry', transactionValue: { __typename?: 'Money', amount: string, currency: string }, account?: { __typename?: 'Account', code?: string | null, name: string } | null, vendor?: { __typename?: 'Vendor', name: string } | null } }> } | null } }> } | null } | null };

export type EntriesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  n: Scalars['Int']['input'];
}>;


export type EntriesQuery = { __typename?: 'Query', company?: { __typename?: 'Company', accountingEntries?: { __typename?: 'CompanyAccountingEntriesConnection', edges: Array<{ __typename?: 'CompanyAccountingEntriesConnectionEdge', node: { __typename?: 'AccountingEntry', accountingEntryId: string, account?: { __typename?: 'Account', code?: string | null } | null, vendor?: { __typename?: 'Vendor', name: string } | null, taxCode?: { __typename?: 'TaxCode', rate: number } | null, employee?: { __typename?: 'Employee', name: string } | null, tags: Array<{ __typename?: 'AccountingEntryTag', tag?: { __typename?: 'Tag', code: string } | null, tagGroup?: { __typename?: 'TagGroup', name: string } | null }>, splitItems: Array<{ __typename?: 'AccountingEntrySplitItem', account?: { __typename?: 'Account', code?: string | null } | null, tags: Array<{ __typename?: 'AccountingEntryTag', tag?: { __typename?: 'Tag', code: string } | null }> }> } }> } | null } | null };

export const ExampleExportJobFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExampleExportJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exportJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfItems"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureReasonType"}}]}}]} as unknown as DocumentNode<ExampleExportJobFragment, unknown>;
export const ExportQueueDocument = {"__meta__":{"hash":"3521e8621a99b1a424fd8ac303eea434c8d20038c3c5f6e11b896813bd2da59b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"exportJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PENDING"},{"kind":"EnumValue","value":"IN_PROGRESS"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExampleExportJob"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountingEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"25"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"exportStatuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED"},{"kind":"EnumValue","value":"NOT_EXPORTED"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"COMPLETED"},{"kind":"EnumValue","value":"COMPLETED_EXTERNALLY"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"hasAccount"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExampleExportJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exportJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfItems"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureReasonType"}}]}}]} as unknown as DocumentNode<ExportQueueQuery, ExportQueueQueryVariables>;
export const CreateExportJobDocument = {"__meta__":{"hash":"9a1b48ec08df52364456f3768b7457dfc1c8d6a2ae89062878b38bddd5d2a1fb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateExportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entryIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createExportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"companyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"accountingEntryIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entryIds"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"isInteractive"},"value":{"kind":"BooleanValue","value":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportAlreadyInProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runningJobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExampleExportJob"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJobPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExampleExportJob"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExampleExportJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exportJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfItems"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureReasonType"}}]}}]} as unknown as DocumentNode<CreateExportJobMutation, CreateExportJobMutationVariables>;
export const StartExportJobDocument = {"__meta__":{"hash":"c8396e52340958753df9d5c1d8c5cc20e32817e2543040ee5cf6dbbaf31aab54"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartExportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startExportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJobEventPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExampleExportJob"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExampleExportJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exportJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfItems"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureReasonType"}}]}}]} as unknown as DocumentNode<StartExportJobMutation, StartExportJobMutationVariables>;
export const ExportItemsPageDocument = {"__meta__":{"hash":"f4153c5a93bb23c588d79d8f8ad6c0c427667588a704716e1f637ea0e0c155ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportItemsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountingEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inWalletCurrency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportItemsPageQuery, ExportItemsPageQueryVariables>;
export const ReportExportItemsDocument = {"__meta__":{"hash":"e98ef2a2eb1225b8cb2e0233b295126b6d31bf50392cb74756c872d41e41f2b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportExportItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"items"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJobItemResultInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportExportJobItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"items"},"value":{"kind":"Variable","name":{"kind":"Name","value":"items"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportExportJobItemsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batches"}},{"kind":"Field","name":{"kind":"Name","value":"requestsSent"}},{"kind":"Field","name":{"kind":"Name","value":"appliedCount"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"itemErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountingEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknownAccountingEntryIds"}},{"kind":"Field","name":{"kind":"Name","value":"notSentAccountingEntryIds"}}]}}]}}]}}]} as unknown as DocumentNode<ReportExportItemsMutation, ReportExportItemsMutationVariables>;
export const CompleteExportJobDocument = {"__meta__":{"hash":"fcc5a171c0a80cd69465dc930bb3562ba0023245188fd758ee343978a92f4c21"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteExportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withErrors"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeExportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"withErrors"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withErrors"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJobEventPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExampleExportJob"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExampleExportJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exportJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfItems"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureReasonType"}}]}}]} as unknown as DocumentNode<CompleteExportJobMutation, CompleteExportJobMutationVariables>;
export const FailExportJobDocument = {"__meta__":{"hash":"89e9f27467ee72cab1e1e46b730a37712e3c4aa597ae3541e506b38946cfe0e8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FailExportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failExportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"reasonType"},"value":{"kind":"EnumValue","value":"SERVICE_TIMEOUT"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<FailExportJobMutation, FailExportJobMutationVariables>;
export const ExportJobResultDocument = {"__meta__":{"hash":"56a7603ced0e5e0360c9132d8f58545b6af7a9cc1abb989d37e31e57abb63fea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportJobResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExampleExportJob"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","alias":{"kind":"Name","value":"successful"},"name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SUCCESSFUL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"failed"},"name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"FAILED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountingEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReasonType"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExampleExportJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exportJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfItems"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureReasonType"}}]}}]} as unknown as DocumentNode<ExportJobResultQuery, ExportJobResultQueryVariables>;
export const ExampleCredentialsDocument = {"__meta__":{"hash":"129aaf314d2dd7e2eda33b8edc72a4706e835d2b0aa36ef2905e66fd10319a30"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExampleCredentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]}}]} as unknown as DocumentNode<ExampleCredentialsQuery, ExampleCredentialsQueryVariables>;
export const SyncMasterDataDocument = {"__meta__":{"hash":"ffe7f3dfe22e3adce5c8b3658e80813dbff0dbb4fa0c65a523a3b6137a61d547"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncMasterData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taxCodes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TaxCodeSyncInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vendors"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VendorSyncInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncTaxCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"companyIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyIds"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"taxCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taxCodes"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationFailed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncTaxCodesPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncVendors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"companyIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyIds"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"vendors"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vendors"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationFailed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncVendorsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SyncMasterDataMutation, SyncMasterDataMutationVariables>;
export const SyncedMasterDataDocument = {"__meta__":{"hash":"7dff44a3c0b0546a141ab25593654b28061bb71736afde03fd1e9149b87b05d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncedMasterData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vendorExternalIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"taxCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"vendors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"externalIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vendorExternalIds"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SyncedMasterDataQuery, SyncedMasterDataQueryVariables>;
export const CompanyVendorsDocument = {"__meta__":{"hash":"e5fd3a5f070c6d93ec702b784d0e5b7a27412be2bd3d34d099592c173d83998a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyVendors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VendorFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vendors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vendorId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyVendorsQuery, CompanyVendorsQueryVariables>;
export const ViewerOverviewDocument = {"__meta__":{"hash":"94bf2f17ecb09c8721e5ebfbf1856bc68f83f07272aefcf0897759b80d1102a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticated"}},{"kind":"Field","name":{"kind":"Name","value":"tokenSubject"}},{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"credentialProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerOverviewQuery, ViewerOverviewQueryVariables>;
export const GroupBooksDocument = {"__meta__":{"hash":"c71f800da07a4fa2089bd60a0917ad7addba5b201164f6ab14c27b11e6983a85"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupBooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"org"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"org"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tagGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vendors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountingEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactionValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vendor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GroupBooksQuery, GroupBooksQueryVariables>;
export const EntriesDocument = {"__meta__":{"hash":"c33c4d85c1aab64299aea8e834ef79aeaffeaf5e5ad9520ea8b4efdd053ab97c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Entries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountingEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountingEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vendor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tagGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"splitItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntriesQuery, EntriesQueryVariables>;