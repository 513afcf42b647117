import type { SubjectKind, SubjectRef } from "../vault/index.ts";

export type { SubjectKind, SubjectRef };

/**
 * The company or organisation a connection is for, as Pleo's introspection named it. Ids are kept
 * lower-case, so one subject has one spelling in the vault, in locks and in manage checks.
 */
export function subjectRef(kind: SubjectKind, id: string): SubjectRef {
  return { kind, id: id.toLowerCase() };
}

/** Pleo's URN of the subject (`urn:pleo:company:<uuid>`), for results and the audit log. */
export function subjectUrn(subject: SubjectRef): string {
  return `urn:pleo:${subject.kind}:${subject.id}`;
}

export function sameSubject(a: SubjectRef, b: SubjectRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}
