import { describe, expect, it } from "vitest";
import { callerKey } from "../../src/security/caller-rate-limit.ts";
import { CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { TrustedProxies } from "../../src/support/client-address.ts";
import type { Harness } from "../support/harness.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * Issue 15, point 4: the caller rate limit counts a caller by its normalised identity (credential
 * fingerprints, JWT), not by how its headers happen to be spelled; and a forwarded address is believed
 * only from a configured proxy.
 */
const A = CREDENTIALS.nl.secret;
const B = CREDENTIALS.lcbOrg.secret;
const QUERY = "{ viewer { authenticated } }";

async function statuses(h: Harness, headers: readonly Record<string, string>[]): Promise<number[]> {
  const seen: number[] = [];
  for (const one of headers) seen.push((await h.gql(QUERY, { headers: one })).status);
  return seen;
}

describe("the caller key", () => {
  it("is the same for any spelling of the same credentials", () => {
    const key = (headers: Record<string, string>) => callerKey(new Headers(headers), "10.0.0.1");
    const spellings = [
      { "x-pleo-api-key": `${A},${B}` },
      { "x-pleo-api-key": `${B}, ${A}` },
      { "x-pleo-api-key": ` ${A} ,${B},${A}` },
    ].map(key);
    expect(new Set(spellings).size).toBe(1);
    expect(key({ "x-pleo-api-key": A })).not.toBe(spellings[0]);
    // The same secret as an access token is another credential.
    expect(key({ "x-pleo-access-token": A })).not.toBe(key({ "x-pleo-api-key": A }));
  });

  it("keys a caller JWT by its token, whatever the scheme's case or spacing, and holds no secret", () => {
    const one = callerKey(new Headers({ authorization: "Bearer abc.def.ghi" }), undefined);
    expect(callerKey(new Headers({ authorization: "bearer   abc.def.ghi " }), undefined)).toBe(one);
    expect(callerKey(new Headers({ authorization: "Bearer abc.def.ghj" }), undefined)).not.toBe(one);
    expect(one).not.toContain("abc");
    expect(callerKey(new Headers({ "x-pleo-api-key": A }), undefined)).not.toContain(A);
  });

  it("is the network address for a caller that sent nothing", () => {
    expect(callerKey(new Headers(), "10.0.0.7")).toBe(callerKey(new Headers(), "10.0.0.7"));
    expect(callerKey(new Headers(), "10.0.0.7")).not.toBe(callerKey(new Headers(), "10.0.0.8"));
  });
});

describe("trusted proxies", () => {
  const proxies = new TrustedProxies(["127.0.0.1", "10.1.0.0/16", "fd00::/8"]);

  it("believes X-Forwarded-For only from a trusted peer, read from the right", () => {
    expect(proxies.clientAddress("::ffff:127.0.0.1", "203.0.113.9")).toBe("203.0.113.9");
    // Whatever the caller wrote to the left of what the proxies appended does not count.
    expect(proxies.clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3")).toBe("203.0.113.9");
    expect(proxies.clientAddress("198.51.100.4", "203.0.113.9")).toBe("198.51.100.4");
    expect(proxies.clientAddress("fd00::1", "2001:db8::5")).toBe("2001:db8::5");
    expect(proxies.clientAddress("127.0.0.1", "not-an-address")).toBe("127.0.0.1");
    expect(new TrustedProxies([]).clientAddress("127.0.0.1", "203.0.113.9")).toBe("127.0.0.1");
  });

  it("refuses entries that are no address or range", () => {
    expect(() => new TrustedProxies(["10.0.0.0/33"])).toThrow(RangeError);
    expect(() => new TrustedProxies(["proxy.internal"])).toThrow(RangeError);
  });
});

describe("the caller rate limit over HTTP", () => {
  const h = useHarness({ security: { CALLER_RATE_LIMIT_PER_MINUTE: "3" } });

  it("counts reordered, respaced and repeated credentials as one caller", async () => {
    const seen = await statuses(h, [
      { "x-pleo-api-key": `${A},${B}` },
      { "x-pleo-api-key": `${B}, ${A}` },
      { "x-pleo-api-key": `${A} , ${B}, ${A}` },
      { "x-pleo-api-key": `${B},${A},${B}` },
    ]);
    expect(seen).toEqual([200, 200, 200, 429]);
  });

  it("ignores X-Forwarded-For when no proxy is trusted (the default)", async () => {
    const seen = await statuses(
      h,
      ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"].map((ip) => ({ "x-forwarded-for": ip })),
    );
    expect(seen).toEqual([200, 200, 200, 429]);
  });
});

describe("the caller rate limit behind a trusted proxy", () => {
  const h = useHarness({ security: { CALLER_RATE_LIMIT_PER_MINUTE: "2", TRUSTED_PROXIES: "127.0.0.1" } });

  it("keys callers without credentials by the forwarded address", async () => {
    const first = await statuses(
      h,
      [1, 2, 3].map(() => ({ "x-forwarded-for": "203.0.113.1" })),
    );
    expect(first).toEqual([200, 200, 429]);
    // Another client behind the same proxy has its own budget, however the first one spells its header.
    const other = await statuses(h, [{ "x-forwarded-for": "6.6.6.6, 203.0.113.2" }]);
    expect(other).toEqual([200]);
    const spoofed = await statuses(h, [{ "x-forwarded-for": "203.0.113.2, 203.0.113.1" }]);
    expect(spoofed).toEqual([429]);
  });
});
