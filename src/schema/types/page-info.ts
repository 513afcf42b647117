import { builder } from "../builder.ts";

/** `totalCount` on every connection: Pleo's `pagination.total` for the whole (filtered) list. */
builder.globalConnectionField("totalCount", (t) =>
  t.int({
    nullable: true,
    description: "How many items the whole list holds, as Pleo reports it (null when Pleo does not say).",
    resolve: (connection) => connection.totalCount,
  }),
);
