/**
 * One abort listener per signal, however many waiters. A GraphQL request's deadline is shared by every
 * upstream call the request makes, often dozens at once; giving each its own listener on that long-lived
 * signal trips Node's MaxListenersExceededWarning and, where one is forgotten, keeps closures alive until
 * the request ends. Here the signal carries one listener that fans out to the current waiters, and it is
 * removed as soon as the last waiter leaves.
 */
interface Waiters {
  readonly handlers: Set<{ readonly handler: () => void }>;
  readonly fire: () => void;
}

const bySignal = new WeakMap<AbortSignal, Waiters>();

/**
 * Runs `handler` once when `signal` aborts; the returned function unsubscribes (call it when the wait
 * is over, whichever way it ended). On a signal that has already aborted the handler runs at once.
 * Handlers must not throw (they settle promises and abort controllers).
 */
export function onAbort(signal: AbortSignal, handler: () => void): () => void {
  if (signal.aborted) {
    handler();
    return () => {};
  }
  let waiters = bySignal.get(signal);
  if (!waiters) {
    const handlers: Waiters["handlers"] = new Set();
    const fire = () => {
      bySignal.delete(signal);
      // As with the listeners themselves: one unsubscribed by an earlier handler does not run.
      for (const entry of [...handlers]) if (handlers.delete(entry)) entry.handler();
    };
    waiters = { handlers, fire };
    bySignal.set(signal, waiters);
    signal.addEventListener("abort", fire, { once: true });
  }
  // An entry object per subscription, so the same function may wait twice and leave once.
  const entry = { handler };
  const current = waiters;
  current.handlers.add(entry);
  return () => {
    if (!current.handlers.delete(entry) || current.handlers.size > 0) return;
    signal.removeEventListener("abort", current.fire);
    if (bySignal.get(signal) === current) bySignal.delete(signal);
  };
}
