import type { EmbeddedOAuthDemo } from "../connections/connections-config.ts";
import type { CallerTokenOptions } from "../context/caller-token.ts";
import { InMemoryCredentialStore } from "../credentials/store.ts";
import { DEMO_OAUTH_CLIENT, type RunningSimulator, startSimulator } from "../simulator/index.ts";
import { createDevAuth, type DevAuth } from "./dev-auth.ts";
import { embeddedCredentialStore, embeddedPersonas, type Persona } from "./personas.ts";

export interface EmbeddedEnvironment {
  readonly simulator: RunningSimulator;
  readonly auth: DevAuth;
  readonly credentialStore: InMemoryCredentialStore;
  readonly callerTokens: CallerTokenOptions;
  /** The simulator's demo OAuth client, which the gateway registers its callback with. */
  readonly oauthDemo: EmbeddedOAuthDemo;
  personas(): Promise<Persona[]>;
}

/** Short, so the demo shows access tokens being refreshed while queries keep working. */
const DEMO_ACCESS_TOKEN_TTL_MS = 60_000;

/**
 * The embedded default: the Pleo simulator on loopback, a throw-away caller-JWT issuer, and a credential
 * store holding the simulator's seeded credentials. `npm start` and the tests use exactly this wiring.
 */
export async function startEmbedded(options: {
  simulatorPort: number;
  /** Delay the simulator adds to every request (benchmarks and parallelism tests). */
  simulatorLatencyMs?: number;
  /** Lifetime of the simulator's OAuth access tokens (default 60 s). */
  oauthAccessTokenTtlMs?: number;
}): Promise<EmbeddedEnvironment> {
  const simulator = await startSimulator({
    host: "127.0.0.1",
    port: options.simulatorPort,
    latencyMs: options.simulatorLatencyMs ?? 0,
    oauthAccessTokenTtlMs: options.oauthAccessTokenTtlMs ?? DEMO_ACCESS_TOKEN_TTL_MS,
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
    oauthDemo: {
      simulatorUrl: simulator.url,
      client: DEMO_OAUTH_CLIENT,
      register: (redirectUri) =>
        simulator.registerOAuthClient({ ...DEMO_OAUTH_CLIENT, redirectUris: [redirectUri] }),
    },
    personas: () => embeddedPersonas(auth),
  };
}
