import type { CallerTokenOptions } from "../context/caller-token.ts";
import { InMemoryCredentialStore } from "../credentials/store.ts";
import { type RunningSimulator, startSimulator } from "../simulator/index.ts";
import { createDevAuth, type DevAuth } from "./dev-auth.ts";
import { embeddedCredentialStore, embeddedPersonas, type Persona } from "./personas.ts";

export interface EmbeddedEnvironment {
  readonly simulator: RunningSimulator;
  readonly auth: DevAuth;
  readonly credentialStore: InMemoryCredentialStore;
  readonly callerTokens: CallerTokenOptions;
  personas(): Promise<Persona[]>;
}

/**
 * The embedded default: the Pleo simulator on loopback, a throw-away caller-JWT issuer, and a credential
 * store holding the simulator's seeded credentials. `npm start` and the tests use exactly this wiring.
 */
export async function startEmbedded(options: {
  simulatorPort: number;
  /** Delay the simulator adds to every request (benchmarks and parallelism tests). */
  simulatorLatencyMs?: number;
}): Promise<EmbeddedEnvironment> {
  const simulator = await startSimulator({
    host: "127.0.0.1",
    port: options.simulatorPort,
    latencyMs: options.simulatorLatencyMs ?? 0,
  });
  const auth = await createDevAuth();
  return {
    simulator,
    auth,
    credentialStore: new InMemoryCredentialStore(embeddedCredentialStore()),
    callerTokens: {
      issuer: auth.issuer,
      audience: auth.audience,
      algorithms: ["ES256"],
      clockToleranceSeconds: 30,
      companiesClaim: "pleo_companies",
      organisationsClaim: "pleo_organisations",
      keys: { jwks: auth.jwks },
    },
    personas: () => embeddedPersonas(auth),
  };
}
