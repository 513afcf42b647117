// What a load run sends (a job for bench/lib/load-worker.mjs), and the check that one answer is clean.

/** Pleo's API-key scheme: `Basic base64("<key>:")`, for requests sent to the simulator or the peer. */
export const basicAuth = (key) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

/**
 * A POST of one GraphQL document. `variants` (a list of variables, or of documents) makes consecutive
 * requests differ, so that concurrent requests do not share upstream calls.
 */
export function gatewayJob(server, headers, query, variables, variants = []) {
  const body = (q, v) => JSON.stringify({ query: q, variables: v });
  return {
    url: server.url,
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: body(query, variables),
    variants: variants.map((v) => ({ body: typeof v === "string" ? body(v, variables) : body(query, v) })),
  };
}

/** A job with its load settings (connections, durationS, rate, amount, checkBody…). */
export const withLoad = (job, load) => ({ ...job, ...load });

/** Throws unless the answer has data and no errors. */
export function assertClean(label, answer) {
  if (answer.status !== 200 || answer.body.errors?.length || !answer.body.data) {
    throw new Error(
      `${label}: the request does not succeed (${answer.status}): ${JSON.stringify(answer.body).slice(0, 600)}`,
    );
  }
  return answer.body.data;
}
