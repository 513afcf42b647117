import { BlockList, isIP } from "node:net";

/**
 * Which network address a request comes from. The socket's peer is the answer unless that peer is a
 * proxy the deployment trusts (`TRUSTED_PROXIES`): only then is `X-Forwarded-For` read, from the right,
 * skipping trusted hops — entries further left were written by whoever called the first proxy, so the
 * first untrusted entry from the right is the last address a trusted proxy vouches for. With no trusted
 * proxies (the default) the header is ignored: any caller could write it.
 */
export class TrustedProxies {
  readonly #list = new BlockList();
  readonly #empty: boolean;

  /** `entries`: IP addresses and CIDR ranges (`10.0.0.0/8`, `fd00::/8`), checked by `invalidProxyEntries`. */
  constructor(entries: readonly string[]) {
    this.#empty = entries.length === 0;
    for (const entry of entries) {
      const parsed = parseEntry(entry);
      if (!parsed) throw new RangeError("TRUSTED_PROXIES holds an entry that is no address or CIDR range");
      if (parsed.prefix === undefined) this.#list.addAddress(parsed.address, parsed.family);
      else this.#list.addSubnet(parsed.address, parsed.prefix, parsed.family);
    }
  }

  /** The caller's address: the socket peer's, or the one a trusted proxy forwarded. */
  clientAddress(peer: string | undefined, forwardedFor: string | null): string | undefined {
    const socket = peer === undefined ? undefined : unmapped(peer);
    if (this.#empty || socket === undefined || forwardedFor === null || !this.#trusts(socket)) return socket;
    const hops = forwardedFor
      .split(",")
      .map((hop) => unmapped(hop.trim()))
      .filter(Boolean);
    let client = socket;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i] as string;
      // A hop that is no address cannot be keyed on: the last address vouched for stands.
      if (isIP(hop) === 0) return client;
      client = hop;
      if (!this.#trusts(hop)) return client;
    }
    return client;
  }

  #trusts(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.#list.check(address, family === 4 ? "ipv4" : "ipv6");
  }
}

/** The entries of a TRUSTED_PROXIES list that are neither an IP address nor a CIDR range. */
export function invalidProxyEntries(entries: readonly string[]): string[] {
  return entries.filter((entry) => parseEntry(entry) === undefined);
}

function parseEntry(
  entry: string,
): { address: string; family: "ipv4" | "ipv6"; prefix: number | undefined } | undefined {
  const [address = "", prefixText, ...rest] = entry.trim().split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return undefined;
  const family = version === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) return { address, family, prefix: undefined };
  const prefix = Number(prefixText);
  const max = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || prefix > max) return undefined;
  return { address, family, prefix };
}

/** IPv4 peers of a dual-stack socket arrive as `::ffff:a.b.c.d`: one caller, one spelling. */
function unmapped(address: string): string {
  return address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4
    ? address.slice(7)
    : address;
}
