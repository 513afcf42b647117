import { createLogger, type Logger } from "../../src/support/logger.ts";

/**
 * The gateway's own logger (its redaction included) writing into `lines`, raw, so a test can read every
 * line back: what was logged, and that no secret ever was.
 */
export function logCapture(level = "debug", lines: string[] = []): { logger: Logger; lines: string[] } {
  const logger = createLogger(level, {
    write(line: string) {
      lines.push(line);
    },
  });
  return { logger, lines };
}
