import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/**
 * Debian's Chromium, headless, for the end-to-end tests (`.ci/run` installs it when absent).
 * playwright-core drives it and never downloads a browser of its own.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Nothing beyond the page under test: no sandbox (CI runs as root in a container), no GPU, no QUIC,
 * and none of Chromium's own background traffic (updates, sync, first-run, component downloads), so
 * a test run talks to loopback only.
 */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestBrowser {
  /** One browser profile: its cookies and storage live as long as this browser. */
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** A fresh Chromium with a profile of its own (a temporary user-data-dir), removed on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install chromium)`);
  }
  const profile = mkdtempSync(join(tmpdir(), "pleo-gw-chromium-"));
  try {
    // Playwright passes the profile as --user-data-dir itself (it refuses the flag in `args`).
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: FLAGS,
      timeout: 30_000,
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
