import type { QueryParams, RequestContext, SimResponse } from "./http-types.ts";
import type { PleoScope } from "./seed/identities.ts";
import type { SimStore } from "./store.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";

/** Pleo's media type; the Accounts API alone answers with plain `application/json`. */
export const PLEO_JSON = "application/json;charset=UTF-8";
export const PLAIN_JSON = "application/json";

/**
 * One endpoint. The dispatcher enforces what is declared here (organisation access, scope) before the
 * handler runs, so handlers only deal with their own parameters and the company the request addresses.
 */
export interface RouteDefinition {
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/v1/vendors/{id}` or `/v1/vendors:search`. */
  readonly path: string;
  /** Scope the credential must hold; null where any valid credential may call (introspection). */
  readonly scope: PleoScope | null;
  /** Whether organisation-scoped credentials may call this route; they are refused with 403 elsewhere. */
  readonly organisationAccess?: boolean;
  readonly contentType?: string;
  /** The company owning the object the path names (for the request log's `targetCompanyId`). */
  readonly pathOwner?: (
    store: SimStore,
    params: Readonly<Record<string, string>>,
    query: QueryParams,
  ) => string | undefined;
  readonly handle: (ctx: RequestContext) => SimResponse;
}

export type RouteMatch =
  | { readonly kind: "route"; readonly route: RouteDefinition; readonly params: Record<string, string> }
  | { readonly kind: "method-not-allowed"; readonly allowed: readonly string[] }
  | { readonly kind: "none" };

type Segment = { readonly literal: string } | { readonly param: string; readonly suffix: string };

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly segments: readonly Segment[];
  /** Literal characters in the template; the most specific template wins (`{id}:archive` over `{id}`). */
  readonly specificity: number;
}

/** Matches decoded paths against OpenAPI templates, segment by segment (`{name}` is a whole segment). */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDefinition[]) {
    this.compiled = routes.map((route) => {
      const segments = route.path
        .split("/")
        .slice(1)
        .map((segment): Segment => {
          const param = /^\{(\w+)\}(.*)$/.exec(segment);
          return param ? { param: param[1] ?? "", suffix: param[2] ?? "" } : { literal: segment };
        });
      const specificity = segments.reduce(
        (sum, s) => sum + ("literal" in s ? s.literal.length : s.suffix.length),
        0,
      );
      return { route, segments, specificity };
    });
  }

  match(method: string, path: string): RouteMatch {
    const segments = splitPath(path);
    if (segments === undefined) return { kind: "none" };
    const allowed = new Set<string>();
    let best: { route: RouteDefinition; params: Record<string, string>; specificity: number } | undefined;
    for (const { route, segments: template, specificity } of this.compiled) {
      const params = matchSegments(template, segments);
      if (params === undefined) continue;
      allowed.add(route.method);
      if (route.method === method && (best === undefined || specificity > best.specificity)) {
        best = { route, params, specificity };
      }
    }
    if (best) return { kind: "route", route: best.route, params: best.params };
    return allowed.size > 0 ? { kind: "method-not-allowed", allowed: [...allowed] } : { kind: "none" };
  }
}

function splitPath(path: string): string[] | undefined {
  try {
    return path.split("/").slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

function matchSegments(
  template: CompiledRoute["segments"],
  segments: readonly string[],
): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const part = template[i];
    const actual = segments[i] ?? "";
    if (part === undefined) return undefined;
    if ("literal" in part) {
      if (part.literal !== actual) return undefined;
    } else {
      if (actual.length <= part.suffix.length || !actual.endsWith(part.suffix)) return undefined;
      params[part.param] = actual.slice(0, actual.length - part.suffix.length);
    }
  }
  return params;
}
