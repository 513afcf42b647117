import { z } from "zod";

/** `ExternalClientModel` from GET /v1/introspect. */
export const externalClient = z.object({
  clientId: z.string(),
  authMethod: z.enum(["OAUTH2", "API_KEY", "NONE"]),
  scope: z.string(),
  applicationName: z.string().nullish(),
  subjectURN: z.string().nullish(),
});
export type ExternalClient = z.infer<typeof externalClient>;

const SUBJECT_URN = /^urn:pleo:(company|organisation|organization):([0-9a-f-]{36})$/i;

/** Pleo spells "organisation" in URNs; accept the American spelling defensively, as query params use it. */
export function parseSubjectUrn(urn: string): { type: "company" | "organisation"; id: string } | null {
  const match = SUBJECT_URN.exec(urn);
  if (!match?.[1] || !match[2]) return null;
  return {
    type: match[1].toLowerCase() === "company" ? "company" : "organisation",
    id: match[2].toLowerCase(),
  };
}
