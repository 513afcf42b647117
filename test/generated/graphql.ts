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

/** Filters Pleo's chart-of-accounts search supports. */
export type AccountFilter = {
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  codes?: InputMaybe<Array<Scalars['String']['input']>>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['UUID']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
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

/** An amount of money, exact: integer minor units plus ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  /** The exact decimal amount in major units, e.g. "65.80" (no floating point). */
  amount: Scalars['String']['output'];
  /** ISO 4217 code. */
  currency: Scalars['String']['output'];
  minorUnits: Scalars['MinorUnits']['output'];
};

export type Node = {
  id: Scalars['ID']['output'];
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

/** The Pleo gateway: discovery of organisations and companies, and each company's books. */
export type Query = {
  __typename?: 'Query';
  /** A company by Pleo company_id or global ID, if a credential of this request can see it. */
  company?: Maybe<Company>;
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

export type SortOrder =
  | 'ASC'
  | 'ASC_NULLS_FIRST'
  | 'ASC_NULLS_LAST'
  | 'DESC'
  | 'DESC_NULLS_FIRST'
  | 'DESC_NULLS_LAST';

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

export type TaxCodeType =
  /** Tax is added on top of the amount. */
  | 'EXCLUSIVE'
  /** Tax is included in the amount. */
  | 'INCLUSIVE'
  /** Reverse charge: the buyer accounts for the tax. */
  | 'REVERSE';

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

export type VendorState =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'DRAFT';

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

export type CompanyVendorsQueryVariables = Exact<{
  companyId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VendorFilter>;
}>;


export type CompanyVendorsQuery = { __typename?: 'Query', company?: { __typename?: 'Company', id: string, companyId: string, name: string, vendors?: { __typename?: 'CompanyVendorsConnection', totalCount?: number | null, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'CompanyVendorsConnectionEdge', cursor: string, node: { __typename?: 'Vendor', id: string, vendorId: string, name: string, state: VendorState, defaultCurrency: string, country?: string | null } }> } | null } | null };

export type ViewerOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerOverviewQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', authenticated: boolean, tokenSubject?: string | null, credentials: Array<{ __typename?: 'CredentialInfo', id: string, kind: CredentialKind, source: CredentialSource, subjectType: CredentialSubjectType, companyId?: string | null, organisationId?: string | null, scopes: Array<string> }>, credentialProblems: Array<{ __typename?: 'CredentialProblem', code: string, subjectId: string }>, organisations: Array<{ __typename?: 'Organisation', organisationId: string }> } };


export const CompanyVendorsDocument = {"__meta__":{"hash":"e5fd3a5f070c6d93ec702b784d0e5b7a27412be2bd3d34d099592c173d83998a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyVendors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VendorFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vendors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vendorId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyVendorsQuery, CompanyVendorsQueryVariables>;
export const ViewerOverviewDocument = {"__meta__":{"hash":"94bf2f17ecb09c8721e5ebfbf1856bc68f83f07272aefcf0897759b80d1102a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticated"}},{"kind":"Field","name":{"kind":"Name","value":"tokenSubject"}},{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"credentialProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerOverviewQuery, ViewerOverviewQueryVariables>;