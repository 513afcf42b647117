import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/index.ts";
import { CONNECTIONS, type ConnectionsFixture, GROUP_ORG, startConnectionsFixture } from "./fixture.ts";

const BE = COMPANIES.be;
const CONNECT = `mutation($apiKey: String!) { connectPleoApiKey(input: { apiKey: $apiKey }) {
  __typename
  ... on PleoConnectionPayload { connection { kind status scopes subject { id name } } }
  ... on ConnectionFailure { code subject message }
} }`;
const REPLACE = `mutation($id: UUID!, $apiKey: String!) {
  replacePleoApiKey(input: { subject: { kind: COMPANY, id: $id }, apiKey: $apiKey }) {
    __typename
    ... on PleoConnectionPayload { connection { scopes } }
    ... on ConnectionFailure { code subject }
  } }`;
const DISCONNECT = `mutation($id: UUID!) {
  disconnectPleoConnection(input: { subject: { kind: COMPANY, id: $id } }) {
    __typename
    ... on DisconnectPleoConnectionPayload { subject installationRemoved }
    ... on ConnectionFailure { code }
  } }`;

let f: ConnectionsFixture;
let auth: { authorization: string };

beforeAll(async () => {
  f = await startConnectionsFixture();
  auth = { authorization: `Bearer ${await f.token("user:keys-admin", { manages: [GROUP_ORG] })}` };
});
afterAll(() => f?.close());

describe("API-key connections", () => {
  it("connects a key to the company Pleo binds it to", async () => {
    const response = await f.gql(CONNECT, { apiKey: CREDENTIALS.be.secret }, auth);
    expect(response.body.data?.connectPleoApiKey).toMatchObject({
      __typename: "PleoConnectionPayload",
      connection: { kind: "API_KEY", status: "ACTIVE", subject: { id: BE.id, name: BE.name } },
    });
    expect(response.text).not.toContain(CREDENTIALS.be.secret);
  });

  it("refuses connecting the same subject twice", async () => {
    const response = await f.gql(CONNECT, { apiKey: CREDENTIALS.beVendorsOnly.secret }, auth);
    expect(response.body.data?.connectPleoApiKey).toMatchObject({ code: "ALREADY_CONNECTED" });
  });

  it("refuses a key Pleo does not know, and one of a company the caller may not manage", async () => {
    const unknown = await f.gql(CONNECT, { apiKey: "sim_key_not_a_real_key_at_all_000000000" }, auth);
    expect(unknown.body.data?.connectPleoApiKey).toMatchObject({ code: "CREDENTIAL_REJECTED" });
    const foreign = await f.gql(CONNECT, { apiKey: CREDENTIALS.alexey.secret }, auth);
    expect(foreign.body.data?.connectPleoApiKey).toMatchObject({
      code: "MANAGE_DENIED",
      subject: `urn:pleo:company:${COMPANIES.alexey.id}`,
    });
    const listed = await f.gql(
      CONNECTIONS,
      {},
      {
        authorization: `Bearer ${await f.token("user:root", { manages: [GROUP_ORG, COMPANIES.alexey.id] })}`,
      },
    );
    expect(listed.body.data?.connections.map((c: { subject: { id: string } }) => c.subject.id)).toEqual([
      BE.id,
    ]);
  });

  it("replaces a key only with one bound to the same company", async () => {
    const mismatch = await f.gql(REPLACE, { id: BE.id, apiKey: CREDENTIALS.nl.secret }, auth);
    expect(mismatch.body.data?.replacePleoApiKey).toMatchObject({ code: "SUBJECT_MISMATCH" });
    const replaced = await f.gql(REPLACE, { id: BE.id, apiKey: CREDENTIALS.beVendorsOnly.secret }, auth);
    expect(replaced.body.data?.replacePleoApiKey).toEqual({
      __typename: "PleoConnectionPayload",
      connection: { scopes: ["companies:read", "vendors:read"] },
    });
    // The vault's key now serves BE: its other fields lack the scope.
    const taxCodes = await f.gql(
      `query($id: ID!) { company(id: $id) { taxCodes(first: 1) { totalCount } } }`,
      { id: BE.id },
      auth,
    );
    expect(taxCodes.body.errors?.[0]?.extensions?.code).toBe("MISSING_SCOPE");
  });

  it("disconnects (the static credential serves BE again) and refuses a second disconnect", async () => {
    const first = await f.gql(DISCONNECT, { id: BE.id }, auth);
    expect(first.body.data?.disconnectPleoConnection).toEqual({
      __typename: "DisconnectPleoConnectionPayload",
      subject: `urn:pleo:company:${BE.id}`,
      installationRemoved: false,
    });
    const again = await f.gql(DISCONNECT, { id: BE.id }, auth);
    expect(again.body.data?.disconnectPleoConnection).toMatchObject({ code: "NOT_CONNECTED" });
    const taxCodes = await f.gql(
      `query($id: ID!) { company(id: $id) { taxCodes(first: 1) { totalCount } } }`,
      { id: BE.id },
      auth,
    );
    expect(taxCodes.body.errors).toBeUndefined();
  });

  it("audits every action without the key", () => {
    const audits = f.logLines.filter((l) => l.includes('"audit"'));
    expect(audits.map((l) => JSON.parse(l).audit.action)).toEqual(
      expect.arrayContaining(["apiKey.connect", "apiKey.replace", "connection.disconnect"]),
    );
    expect(audits.some((l) => l.includes('"outcome":"MANAGE_DENIED"'))).toBe(true);
    const log = f.logLines.join("\n");
    for (const c of [CREDENTIALS.be, CREDENTIALS.beVendorsOnly, CREDENTIALS.alexey, CREDENTIALS.nl])
      expect(log).not.toContain(c.secret);
  });
});
