import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The processes of a local fleet, for `npm run start:fleet` and the fleet tests alike: one Pleo
 * simulator process and N gateway processes (`node --import tsx src/main.ts`, PORT=0) pointed at it
 * and at one Redis. Each process is ready when it prints its URL (the gateway's "gateway listening"
 * JSON log line at info level, so LOG_LEVEL must stay at info or below; the simulator's banner); the
 * output lines are kept so callers can read the logs. Redis itself is started by the caller
 * (test/support/redis-server.ts), which may stop and restart it.
 */

/** The checkout's root: entry points are relative to it, and `--import tsx` resolves from it. */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** How long a process may take to print its URL (tsx compiles on start; a loaded 2-core CI is slow). */
const START_TIMEOUT_MS = 45_000;
/** How long SIGTERM may take (a gateway drains first) before the process is killed. */
const STOP_TIMEOUT_MS = 10_000;
/** Lines kept per process (a gateway logs every request; a long `start:fleet` must not grow for ever). */
const MAX_LINES = 20_000;

export interface FleetProcess {
  /** What the process serves on, e.g. `http://127.0.0.1:41234` (no path). */
  readonly url: string;
  readonly child: ChildProcess;
  /** The lines the process wrote, stdout and stderr (the last MAX_LINES). */
  readonly lines: readonly string[];
  /** SIGTERM, then SIGKILL after a bound; resolves once the process has exited. */
  stop(): Promise<void>;
}

interface LaunchOptions {
  readonly entry: string;
  readonly env: Readonly<Record<string, string>>;
  /** The URL the process announces in this line, if it does. */
  readonly ready: (line: string) => string | undefined;
  /** Called with each line (e.g. to echo warnings); the line is kept either way. */
  readonly onLine?: (line: string) => void;
}

function launch(options: LaunchOptions): Promise<FleetProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", options.entry], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: a Ctrl-C in the terminal reaches only the parent, which then stops each
    // process once (a gateway takes a second signal as "cut the connections" instead of draining).
    detached: true,
  });
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
  };
  return new Promise<FleetProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${options.entry} did not start within ${START_TIMEOUT_MS} ms:\n${lines.join("\n")}`));
    }, START_TIMEOUT_MS);
    // Both streams are read to the end: a full pipe would block the child.
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = "";
      stream?.on("data", (chunk: Buffer) => {
        buffer += String(chunk);
        const complete = buffer.split("\n");
        buffer = complete.pop() ?? "";
        for (const line of complete) {
          lines.push(line);
          if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
          options.onLine?.(line);
          const url = options.ready(line);
          if (url === undefined) continue;
          clearTimeout(timer);
          resolve({ url, child, lines, stop });
        }
      });
    }
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`${options.entry} exited (${code ?? signal}) before it was ready:\n${lines.join("\n")}`),
      );
    });
  });
}

/** The gateway's URL from its "gateway listening" JSON log line. */
function gatewayUrl(line: string): string | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    return entry.msg === "gateway listening" ? entry.url?.replace(/\/graphql$/, "") : undefined;
  } catch {
    return undefined;
  }
}

export interface FleetProcessesOptions {
  readonly instances: number;
  readonly redisUrl: string;
  /** Added to every gateway's environment (budgets, deadlines, credentials, log level). */
  readonly gatewayEnv?: Readonly<Record<string, string>>;
  /** Added to the simulator's environment (e.g. SIM_RATE_LIMIT_PER_MINUTE). */
  readonly simulatorEnv?: Readonly<Record<string, string>>;
  /** Every output line, with who wrote it ("simulator", "gateway-1", …). */
  readonly onLine?: (source: string, line: string) => void;
}

export interface FleetProcesses {
  readonly simulator: FleetProcess;
  readonly gateways: readonly FleetProcess[];
  /** Stops every process (gateways first, so none logs a lost Pleo on its way out). */
  stop(): Promise<void>;
}

/** Starts the simulator, then the gateways in parallel; on any failure stops what did start. */
export async function startFleetProcesses(options: FleetProcessesOptions): Promise<FleetProcesses> {
  const simulator = await launch({
    entry: "src/simulator/main.ts",
    env: { SIM_HOST: "127.0.0.1", SIM_PORT: "0", ...options.simulatorEnv },
    ready: (line) => line.match(/listening on (http:\/\/\S+)/)?.[1],
    onLine: (line) => options.onLine?.("simulator", line),
  });
  const started = await Promise.allSettled(
    Array.from({ length: options.instances }, (_, i) =>
      launch({
        entry: "src/main.ts",
        env: {
          HOST: "127.0.0.1",
          PORT: "0",
          PLEO_API_URL: simulator.url,
          REDIS_URL: options.redisUrl,
          FLEET_INSTANCES: String(options.instances),
          ...options.gatewayEnv,
        },
        ready: gatewayUrl,
        onLine: (line) => options.onLine?.(`gateway-${i + 1}`, line),
      }),
    ),
  );
  const gateways = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const stop = async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await simulator.stop();
  };
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { simulator, gateways, stop };
}
