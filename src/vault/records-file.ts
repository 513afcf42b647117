import { readFile } from "node:fs/promises";
import { z } from "zod";
import { writeFileAtomically } from "./atomic-file.ts";
import { VaultConfigError } from "./errors.ts";

/** What tells one kind of sealed-records file from another, and how its problems are named. */
export interface RecordsFileKind {
  /** The `format` the file carries, e.g. `pleo-gateway-vault/1`. */
  readonly format: string;
  /** The setting naming the file, for problems (never its content). */
  readonly variable: string;
  /** What the file is, for the problem when it is something else: "a gateway vault". */
  readonly what: string;
}

/**
 * One JSON file of sealed records by slot, for ONE process (two processes over one file would each keep
 * their own copy and overwrite the other's writes; a fleet uses Redis). Read once at start; every change
 * is applied to a copy, written atomically (atomic-file.ts) and only then made current, one change at a
 * time, so a check made inside a change (a compare-and-set) is decided against exactly what is on disk.
 * A file of another kind is refused at start, never overwritten. Records are opaque here: their owners
 * seal and open them, so entries nobody can read are kept as they are.
 */
export class RecordsFile {
  readonly #path: string;
  readonly #format: string;
  #records: ReadonlyMap<string, unknown>;
  /** The tail of the chain of writes: each starts when the previous one has settled. */
  #writes: Promise<unknown> = Promise.resolve();

  private constructor(path: string, format: string, records: ReadonlyMap<string, unknown>) {
    this.#path = path;
    this.#format = format;
    this.#records = records;
  }

  /** Opens the file at `path` (a missing file is empty, created on the first write). */
  static async open(path: string, kind: RecordsFileKind): Promise<RecordsFile> {
    return new RecordsFile(path, kind.format, await readRecords(path, kind));
  }

  get records(): ReadonlyMap<string, unknown> {
    return this.#records;
  }

  /** Sets `slot` after every earlier change; `check` first sees what the slot holds then, and may throw. */
  set(slot: string, value: unknown, check?: (current: unknown) => void): Promise<void> {
    return this.#exclusive(async () => {
      check?.(this.#records.get(slot));
      await this.#commit(new Map(this.#records).set(slot, value));
    });
  }

  /** Removes `slot` after every earlier change; false when it held nothing. */
  remove(slot: string): Promise<boolean> {
    return this.#exclusive(async () => {
      if (!this.#records.has(slot)) return false;
      const next = new Map(this.#records);
      next.delete(slot);
      await this.#commit(next);
      return true;
    });
  }

  async #commit(records: ReadonlyMap<string, unknown>): Promise<void> {
    const document = { format: this.#format, records: Object.fromEntries(records) };
    await writeFileAtomically(this.#path, `${JSON.stringify(document, null, 2)}\n`);
    this.#records = records;
  }

  #exclusive<T>(change: () => Promise<T>): Promise<T> {
    const result = this.#writes.then(change);
    // A failed change must not block the next one; its caller gets the failure.
    this.#writes = result.catch(() => undefined);
    return result;
  }
}

async function readRecords(path: string, kind: RecordsFileKind): Promise<ReadonlyMap<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw new VaultConfigError([`${kind.variable}: the file cannot be read`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const shape = z.object({ format: z.literal(kind.format), records: z.record(z.string(), z.unknown()) });
  const document = shape.safeParse(parsed);
  if (!document.success)
    throw new VaultConfigError([
      `${kind.variable}: the file is not ${kind.what}; restore it or move it away (it is never overwritten)`,
    ]);
  return new Map(Object.entries(document.data.records));
}
