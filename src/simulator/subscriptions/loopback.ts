import { isIPv4 } from "node:net";

/**
 * The simulator delivers webhooks only on this machine: an endpoint elsewhere would make it a way to send
 * signed requests to arbitrary hosts. Loopback means 127.0.0.0/8, ::1 or `localhost`, over http(s), without
 * credentials in the URL (they belong in `endpointAuth`, where they are never echoed).
 */
export function isLoopbackEndpoint(endpointUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.username !== "" || url.password !== "") return false;
  const host = url.hostname.toLowerCase();
  if (host === "localhost" || host === "[::1]") return true;
  return isIPv4(host) && host.startsWith("127.");
}
