import type { InputObjectRef, ObjectRef } from "@pothos/core";
import {
  type ConnectionErrorCode as Code,
  ConnectionErrorCode,
  ConnectionFailure,
} from "../../connections/connection-failure.ts";
import type { ConnectionView } from "../../connections/connection-view.ts";
import { connectionsOf } from "../../connections/request-scope.ts";
import { type SubjectRef, subjectRef, subjectUrn } from "../../connections/subject.ts";
import type { GatewayContext } from "../../context/context.ts";
import { builder } from "../builder.ts";
import { ConnectionSubjectKind, PleoConnection } from "../types/pleo-connection.ts";
import type { GatewayTypes } from "./schema-types.ts";

/*
 * Managing the gateway's connections: start the OAuth connect flow, connect or replace an API key,
 * disconnect. Each result is a union of its payload and ConnectionFailure (a typed refusal with a
 * stable code); nothing is stored unless the caller's manage claim covers the subject Pleo names.
 */

const ConnectionErrorCodeEnum = builder.enumType("ConnectionErrorCode", {
  values: Object.values(ConnectionErrorCode) as [Code, ...Code[]],
});

builder.objectType(ConnectionFailure, {
  name: "ConnectionFailure",
  description: "Why a connection action was refused. Nothing was stored or changed.",
  isTypeOf: (value) => value instanceof ConnectionFailure,
  fields: (t) => ({
    code: t.field({ type: ConnectionErrorCodeEnum, resolve: (e) => e.code }),
    message: t.string({ resolve: (e) => e.message }),
    subject: t.string({
      nullable: true,
      description: "The subject's URN, when known.",
      resolve: (e) => e.subject,
    }),
  }),
});

const ConnectionSubjectInput = builder.inputType("ConnectionSubjectInput", {
  fields: (t) => ({
    kind: t.field({ type: ConnectionSubjectKind, required: true }),
    id: t.field({ type: "UUID", required: true }),
  }),
});

const StartPayload = builder.objectRef<{ authorizationUrl: string }>("StartPleoConnectionPayload").implement({
  fields: (t) => ({
    authorizationUrl: t.string({
      description:
        "Pleo's consent page. Open it in the same browser that called this mutation: the flow is bound to it by a cookie on /oauth/pleo/callback. The browser ends up at returnTo?connection=<outcome>.",
      resolve: (p) => p.authorizationUrl,
    }),
  }),
});

const ConnectionPayload = builder.objectRef<ConnectionView>("PleoConnectionPayload").implement({
  fields: (t) => ({ connection: t.field({ type: PleoConnection, resolve: (v) => v }) }),
});

const DisconnectPayload = builder
  .objectRef<{ subject: SubjectRef; installationRemoved: boolean }>("DisconnectPleoConnectionPayload")
  .implement({
    fields: (t) => ({
      subject: t.string({
        description: "The URN of the subject disconnected.",
        resolve: (p) => subjectUrn(p.subject),
      }),
      installationRemoved: t.boolean({
        description: "Pleo's installation was removed (OAuth connections whose grant still worked).",
        resolve: (p) => p.installationRemoved,
      }),
    }),
  });

/** A connections mutation: `name(input)` → `<Name>Result` = payload | ConnectionFailure. */
function connectionMutation<Input extends object, Payload>(
  name: string,
  options: {
    description: string;
    input: InputObjectRef<GatewayTypes, Input>;
    payload: ObjectRef<GatewayTypes, Payload>;
    resolve: (input: Input, ctx: GatewayContext) => Promise<Payload>;
  },
): void {
  builder.mutationField(name, (t) =>
    t.field({
      type: options.payload,
      description: options.description,
      args: { input: t.arg({ type: options.input, required: true }) },
      errors: {
        types: [ConnectionFailure],
        directResult: true,
        union: { name: `${name.charAt(0).toUpperCase()}${name.slice(1)}Result` },
      },
      resolve: ((_root: unknown, args: { input: Input }, ctx: GatewayContext) =>
        options.resolve(args.input, ctx)) as never,
    }),
  );
}

connectionMutation<{ returnTo: string }, { authorizationUrl: string }>("startPleoConnection", {
  description:
    "Starts connecting a company or organisation through Pleo's OAuth flow. The subject is chosen on Pleo's consent page and learnt from Pleo; the caller's manage claim must cover it.",
  input: builder.inputType("StartPleoConnectionInput", {
    fields: (t) => ({
      returnTo: t.string({
        required: true,
        description: "Where the browser goes afterwards; must be on OAUTH_RETURN_TO_ALLOWLIST.",
      }),
    }),
  }),
  payload: StartPayload,
  resolve: async ({ returnTo }, ctx) => {
    const scope = connectionsOf(ctx);
    const rights = await scope.rights();
    const flow = scope.service.flow;
    if (!flow)
      throw new ConnectionFailure(
        ConnectionErrorCode.OAUTH_NOT_CONFIGURED,
        "This gateway has no OAuth client configured.",
      );
    const { authorizationUrl, cookie } = await flow.start(rights, returnTo);
    scope.cookies.push(cookie);
    return { authorizationUrl };
  },
});

const apiKeyField = { required: true, description: "The API key; never echoed or logged." } as const;

connectionMutation<{ apiKey: string }, ConnectionView>("connectPleoApiKey", {
  description: "Connects the company or organisation Pleo's introspection binds this API key to.",
  input: builder.inputType("ConnectPleoApiKeyInput", {
    fields: (t) => ({ apiKey: t.string(apiKeyField) }),
  }),
  payload: ConnectionPayload,
  resolve: async ({ apiKey }, ctx) => {
    const scope = connectionsOf(ctx);
    return scope.service.admin.connectApiKey(await scope.rights(), apiKey);
  },
});

connectionMutation<
  { subject: { kind: "COMPANY" | "ORGANISATION"; id: string }; apiKey: string },
  ConnectionView
>("replacePleoApiKey", {
  description: "Replaces an API-key connection's key with one Pleo binds to the same subject.",
  input: builder.inputType("ReplacePleoApiKeyInput", {
    fields: (t) => ({
      subject: t.field({ type: ConnectionSubjectInput, required: true }),
      apiKey: t.string(apiKeyField),
    }),
  }),
  payload: ConnectionPayload,
  resolve: async ({ subject, apiKey }, ctx) => {
    const scope = connectionsOf(ctx);
    return scope.service.admin.replaceApiKey(await scope.rights(), refOf(subject), apiKey);
  },
});

connectionMutation<
  { subject: { kind: "COMPANY" | "ORGANISATION"; id: string } },
  { subject: SubjectRef; installationRemoved: boolean }
>("disconnectPleoConnection", {
  description:
    "Forgets the connection's secret. For OAuth connections Pleo's installation is removed first (DELETE /v1/installations/me).",
  input: builder.inputType("DisconnectPleoConnectionInput", {
    fields: (t) => ({ subject: t.field({ type: ConnectionSubjectInput, required: true }) }),
  }),
  payload: DisconnectPayload,
  resolve: async ({ subject }, ctx) => {
    const scope = connectionsOf(ctx);
    return scope.service.admin.disconnect(await scope.rights(), refOf(subject));
  },
});

function refOf(input: { kind: "COMPANY" | "ORGANISATION"; id: string }): SubjectRef {
  return subjectRef(input.kind === "COMPANY" ? "company" : "organisation", input.id);
}
