/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CompanyVendors($companyId: ID!, $first: Int, $after: String, $filter: VendorFilter) {\n  company(id: $companyId) {\n    id\n    companyId\n    name\n    vendors(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          vendorId\n          name\n          state\n          defaultCurrency\n          country\n        }\n      }\n    }\n  }\n}\n\nquery ViewerOverview {\n  viewer {\n    authenticated\n    tokenSubject\n    credentials {\n      id\n      kind\n      source\n      subjectType\n      companyId\n      organisationId\n      scopes\n    }\n    credentialProblems {\n      code\n      subjectId\n    }\n    organisations {\n      organisationId\n    }\n  }\n}": typeof types.CompanyVendorsDocument,
};
const documents: Documents = {
    "query CompanyVendors($companyId: ID!, $first: Int, $after: String, $filter: VendorFilter) {\n  company(id: $companyId) {\n    id\n    companyId\n    name\n    vendors(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          vendorId\n          name\n          state\n          defaultCurrency\n          country\n        }\n      }\n    }\n  }\n}\n\nquery ViewerOverview {\n  viewer {\n    authenticated\n    tokenSubject\n    credentials {\n      id\n      kind\n      source\n      subjectType\n      companyId\n      organisationId\n      scopes\n    }\n    credentialProblems {\n      code\n      subjectId\n    }\n    organisations {\n      organisationId\n    }\n  }\n}": types.CompanyVendorsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompanyVendors($companyId: ID!, $first: Int, $after: String, $filter: VendorFilter) {\n  company(id: $companyId) {\n    id\n    companyId\n    name\n    vendors(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          vendorId\n          name\n          state\n          defaultCurrency\n          country\n        }\n      }\n    }\n  }\n}\n\nquery ViewerOverview {\n  viewer {\n    authenticated\n    tokenSubject\n    credentials {\n      id\n      kind\n      source\n      subjectType\n      companyId\n      organisationId\n      scopes\n    }\n    credentialProblems {\n      code\n      subjectId\n    }\n    organisations {\n      organisationId\n    }\n  }\n}"): (typeof documents)["query CompanyVendors($companyId: ID!, $first: Int, $after: String, $filter: VendorFilter) {\n  company(id: $companyId) {\n    id\n    companyId\n    name\n    vendors(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          vendorId\n          name\n          state\n          defaultCurrency\n          country\n        }\n      }\n    }\n  }\n}\n\nquery ViewerOverview {\n  viewer {\n    authenticated\n    tokenSubject\n    credentials {\n      id\n      kind\n      source\n      subjectType\n      companyId\n      organisationId\n      scopes\n    }\n    credentialProblems {\n      code\n      subjectId\n    }\n    organisations {\n      organisationId\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;