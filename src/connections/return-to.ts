/**
 * Where a finished connect flow may send the browser: an allowlist of origins (`https://app.example`:
 * any path on it) and URL prefixes (`https://app.example/settings/`: that path and below). Compared on
 * the parsed URL, so `https://app.example.evil.test` or `https://app.example@evil.test` never match.
 */
export function allowedReturnTo(candidate: string, allowlist: readonly string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password)
    return undefined;
  url.hash = "";
  for (const entry of allowlist) {
    const allowed = new URL(entry);
    if (allowed.origin !== url.origin) continue;
    const prefix = allowed.pathname;
    if (
      prefix === "/" ||
      url.pathname === prefix ||
      url.pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`)
    )
      return url;
  }
  return undefined;
}

/** The return URL with the flow's outcome added (`?connection=<outcome>`), other parameters kept. */
export function withOutcome(returnTo: string, outcome: string): string {
  const url = new URL(returnTo);
  url.searchParams.set("connection", outcome);
  return url.toString();
}
