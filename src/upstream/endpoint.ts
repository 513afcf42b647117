const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The path template of an upstream call, for metric labels and span names: ids become `{id}`, so
 * `/v3/export-jobs/9b2…/items` is `/v3/export-jobs/{id}/items` and label values stay bounded.
 */
export function pathTemplate(path: string): string {
  const bare = path.split("?")[0] ?? path;
  return bare
    .split("/")
    .map((segment) => {
      if (segment === "") return segment;
      const decoded = safeDecode(segment);
      if (UUID.test(decoded) || /^\d+$/.test(decoded)) return "{id}";
      // Anything id-like that is not a UUID (long, with digits) is not a route name either.
      if (decoded.length > 24 && /\d/.test(decoded) && !decoded.includes(":")) return "{id}";
      return segment;
    })
    .join("/");
}

/** `GET /v1/companies/{id}`. */
export function endpointOf(method: string, path: string): string {
  return `${method} ${pathTemplate(path)}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
