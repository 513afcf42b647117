/**
 * Values that are there at once on the common path and only sometimes behind a promise: the in-memory
 * stores answer synchronously, the fleet's may have to ask Redis. Code on the hot path branches on
 * `isPromise` instead of awaiting everything, because an `await` (and each `async` function) costs a
 * promise and a microtask per step, several steps per upstream call.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise;
}

/** `then` on a value that may or may not be a promise: synchronous when it is not. */
export function andThen<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isPromise(value) ? value.then(next) : next(value);
}
