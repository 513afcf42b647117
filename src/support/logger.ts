import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Secrets are redacted by construction (the Secret type prints "[redacted]");
 * the redact paths are a second line of defence for anything header-shaped that reaches a log call.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "pleo-gateway" },
      redact: {
        paths: [
          "authorization",
          "headers.authorization",
          'headers["x-pleo-api-key"]',
          'headers["x-pleo-access-token"]',
          "secret",
          "apiKey",
          "accessToken",
          "*.authorization",
          "*.headers.authorization",
          '*.headers["x-pleo-api-key"]',
          '*.headers["x-pleo-access-token"]',
          "*.secret",
          "*.apiKey",
          "*.accessToken",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
