import type DataLoader from "dataloader";
import type { CompanyAccess } from "../context/company-access.ts";
import type { PleoClient } from "../pleo/client.ts";

/** What a loader may use: the shared Pleo client and this request's access decisions. */
export interface LoaderDeps {
  readonly pleo: PleoClient;
  readonly access: CompanyAccess;
  /** Metrics: told the size of every batch a loader dispatches (`observeBatch` in kit.ts). */
  readonly onBatch?: (loader: string, size: number) => void;
}

export interface LoaderDefinition<K, V, C> {
  readonly name: string;
  create(deps: LoaderDeps): DataLoader<K, V, C>;
}

export function defineLoader<K, V, C = K>(
  name: string,
  create: (deps: LoaderDeps) => DataLoader<K, V, C>,
): LoaderDefinition<K, V, C> {
  return { name, create };
}

/**
 * This request's DataLoaders, created on first use. A registry lives exactly as long as one GraphQL
 * request, so nothing a loader caches can outlive the caller whose credentials filled it.
 */
export class LoaderRegistry {
  readonly #deps: LoaderDeps;
  readonly #loaders = new Map<LoaderDefinition<unknown, unknown, unknown>, unknown>();

  constructor(deps: LoaderDeps) {
    this.#deps = deps;
  }

  get<K, V, C>(definition: LoaderDefinition<K, V, C>): DataLoader<K, V, C> {
    const key = definition as LoaderDefinition<unknown, unknown, unknown>;
    let loader = this.#loaders.get(key) as DataLoader<K, V, C> | undefined;
    if (!loader) {
      loader = definition.create(this.#deps);
      this.#loaders.set(key, loader);
    }
    return loader;
  }
}
