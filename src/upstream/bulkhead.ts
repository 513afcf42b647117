import type { MaybePromise } from "../support/maybe-async.ts";
import { onAbort } from "./abort-listeners.ts";

/**
 * Bounds the calls in flight to Pleo: at most `maxConcurrent` overall (the undici pool's connections)
 * and `maxPerKey` per credential, so one company's slow calls cannot occupy every connection. Calls
 * beyond wait in a bounded FIFO queue (a waiter whose credential is at its limit lets others pass);
 * when the queue is full they fail at once instead of piling up. Waiting stops at the caller's deadline.
 */
interface BulkheadOptions {
  readonly maxConcurrent: number;
  readonly maxPerKey: number;
  readonly maxQueued: number;
}

export class QueueFull extends Error {
  constructor(readonly maxQueued: number) {
    super(`The upstream queue is full (${maxQueued} calls waiting).`);
    this.name = "QueueFull";
  }
}

interface Waiter {
  readonly key: string;
  readonly grant: () => void;
}

type Release = () => void;

export class Bulkhead {
  readonly #options: BulkheadOptions;
  readonly #perKey = new Map<string, number>();
  readonly #queue: Waiter[] = [];
  #active = 0;

  constructor(options: BulkheadOptions) {
    this.#options = options;
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#queue.length;
  }

  /** A slot at once when one is free (no promise on that common path), else a wait in the queue. */
  acquire(key: string, signal: AbortSignal): MaybePromise<Release> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.#fits(key)) return this.#take(key);
    if (this.#queue.length >= this.#options.maxQueued)
      return Promise.reject(new QueueFull(this.#options.maxQueued));
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        key,
        grant: () => {
          stopWaiting();
          resolve(this.#take(key));
        },
      };
      const stopWaiting = onAbort(signal, () => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        reject(signal.reason);
      });
      this.#queue.push(waiter);
    });
  }

  #fits(key: string): boolean {
    return (
      this.#active < this.#options.maxConcurrent && (this.#perKey.get(key) ?? 0) < this.#options.maxPerKey
    );
  }

  #take(key: string): Release {
    this.#active += 1;
    this.#perKey.set(key, (this.#perKey.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      const left = (this.#perKey.get(key) ?? 1) - 1;
      if (left <= 0) this.#perKey.delete(key);
      else this.#perKey.set(key, left);
      this.#drain();
    };
  }

  #drain(): void {
    for (let i = 0; i < this.#queue.length && this.#active < this.#options.maxConcurrent; ) {
      const waiter = this.#queue[i] as Waiter;
      if (this.#fits(waiter.key)) {
        this.#queue.splice(i, 1);
        waiter.grant();
      } else i += 1;
    }
  }
}
