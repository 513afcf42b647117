import type { Fleet } from "../fleet/fleet.ts";

/**
 * Carries messages between the instances of a fleet over one Redis pub/sub channel (under the fleet's
 * key prefix, so gateways sharing a Redis never hear each other). Every instance hears every message
 * and hands it to its own in-process pub/sub, which routes it to the right subscribers: one
 * subscription per instance, on the fleet's subscriber connection, which re-subscribes after a
 * reconnect. What arrives is parsed by the owner before anyone sees it: whatever else can write to
 * this Redis must not be able to smuggle in a malformed message.
 */
export interface FleetRelayOptions<T> {
  readonly channel: string;
  /** The message, or undefined for anything that is not one (dropped). */
  readonly parse: (message: unknown) => T | undefined;
  /** Hands a message to this instance's subscribers. */
  readonly deliver: (message: T) => void;
}

export class FleetEventRelay<T> {
  readonly #fleet: Fleet;
  readonly #options: FleetRelayOptions<T>;

  constructor(fleet: Fleet, options: FleetRelayOptions<T>) {
    this.#fleet = fleet;
    this.#options = options;
    // A failed SUBSCRIBE (the fleet leaving) leaves this instance hearing only its own messages.
    fleet.connection.subscribe(options.channel, (text) => this.#heard(text)).catch(() => {});
  }

  /**
   * Through Redis, so this instance hears its own message like every other. While Redis is unreachable
   * the message reaches this instance's subscribers only; a publication that fails in flight is
   * dropped rather than also delivered here, which could deliver it twice.
   */
  async publish(message: T): Promise<void> {
    if (this.#fleet.health !== "up") {
      this.#options.deliver(message);
      return;
    }
    const text = JSON.stringify(message);
    await this.#fleet.connection.run((redis) => redis.publish(this.#options.channel, text));
  }

  #heard(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    const message = this.#options.parse(parsed);
    if (message !== undefined) this.#options.deliver(message);
  }
}
