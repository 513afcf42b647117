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
  /** A Pleo identifier (RFC 4122 UUID). */
  UUID: { input: string; output: string; }
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

export type Company = Node & {
  __typename?: 'Company';
  access: CompanyAccessInfo;
  address: Address;
  /** Pleo's company_id. */
  companyId: Scalars['UUID']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  organisation?: Maybe<Organisation>;
  registrationNumber?: Maybe<Scalars['String']['output']>;
  /** One vendor of this company, by Pleo id or global ID (which must belong to this company). */
  vendor?: Maybe<Vendor>;
  /** The company's vendors. Needs a credential bound to this company with `vendors:read`. */
  vendors?: Maybe<CompanyVendorsConnection>;
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

export type Node = {
  id: Scalars['ID']['output'];
};

export type Organisation = Node & {
  __typename?: 'Organisation';
  /** The organisation's companies. With an organisation-scoped credential, every company Pleo lists; otherwise the companies this request holds credentials for. */
  companies: OrganisationCompaniesConnection;
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
  companies: Array<Company>;
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


export const CompanyVendorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyVendors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VendorFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vendors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vendorId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyVendorsQuery, CompanyVendorsQueryVariables>;
export const ViewerOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authenticated"}},{"kind":"Field","name":{"kind":"Name","value":"tokenSubject"}},{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"credentialProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerOverviewQuery, ViewerOverviewQueryVariables>;