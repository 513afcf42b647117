import { describe, expect, it } from "vitest";
import { FleetRefreshLock } from "../../src/connections/refresh-lock.ts";
import type { FleetConnection } from "../../src/fleet/redis-connection.ts";
import { PREFIX, useFleet } from "../fleet/fixture.ts";

const fleet = useFleet();

/** The instance's connection, except that the first `lost` replies never arrive (Redis ran them). */
function losingReplies(connection: FleetConnection, lost: number): FleetConnection {
  let left = lost;
  const lossy = {
    get health() {
      return connection.health;
    },
    run: <T>(commands: Parameters<FleetConnection["run"]>[0]) =>
      connection.run(async (redis) => {
        const value = (await commands(redis)) as T;
        if (left-- > 0) throw new Error("Command timed out");
        return value;
      }),
  };
  return lossy as unknown as FleetConnection;
}

describe("the fleet's refresh lock when a reply is lost", () => {
  it("takes the lock a lost SET took, and leaves none behind", async () => {
    const [a, b] = await fleet.instances(2);
    if (!a || !b) throw new Error("instances not started");
    const lossy = new FleetRefreshLock(losingReplies(a.connection, 1), PREFIX, { waitMs: 1_000 });
    expect(await lossy.withLock("grant-1", async () => "refreshed")).toBe("refreshed");
    // No orphan: another instance takes the grant's lock at once, not after a lease.
    const other = new FleetRefreshLock(b.connection, PREFIX, { waitMs: 200 });
    expect(await other.withLock("grant-1", async () => "next")).toBe("next");
  });

  it("frees a lock it gave up on", async () => {
    const [a, b] = await fleet.instances(2);
    if (!a || !b) throw new Error("instances not started");
    // Every reply lost: the SET took the lock, but neither it nor the GET that would tell came back.
    const lossy = new FleetRefreshLock(losingReplies(a.connection, 1_000), PREFIX, { waitMs: 150 });
    await expect(lossy.withLock("grant-2", async () => "never")).rejects.toThrow(/refresh lock/);
    // Its token-checked release ran in Redis (only the reply was lost): the lock is free at once.
    const other = new FleetRefreshLock(b.connection, PREFIX, { waitMs: 200 });
    expect(await other.withLock("grant-2", async () => "next")).toBe("next");
  });
});
