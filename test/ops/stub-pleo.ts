import { createServer, type RequestListener } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { PleoClient, type PleoClientOptions } from "../../src/pleo/client.ts";

/** A stand-in Pleo on a loopback port, for tests of the client on its own (no simulator, no gateway). */
export async function startStubPleo(
  handler: RequestListener,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A client of `baseUrl` with short timeouts; `overrides` for the resilience settings under test. */
export function stubClient(baseUrl: string, overrides: Partial<PleoClientOptions> = {}): PleoClient {
  return new PleoClient({
    baseUrl,
    connectTimeoutMs: 500,
    headersTimeoutMs: 500,
    bodyTimeoutMs: 500,
    keepAliveTimeoutMs: 500,
    maxConnections: 2,
    userAgent: "test",
    ...overrides,
  });
}

/** A loopback port nothing listens on (connections to it are refused). */
export function closedPort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const server = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
