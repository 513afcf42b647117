import { Gauge, type Registry } from "prom-client";
import { METRIC_PREFIX } from "../support/metrics.ts";
import type { Fleet } from "./fleet.ts";

/** Redis reachability and the fleet's size as this instance last saw it. */
export function bindFleetMetrics(registry: Registry, fleet: Fleet): void {
  new Gauge({
    name: `${METRIC_PREFIX}redis_up`,
    help: "1 while the fleet's Redis answers; 0 while degraded (guards fall back to per-instance state).",
    registers: [registry],
    collect() {
      this.set(fleet.health === "up" ? 1 : 0);
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}fleet_instances`,
    help: "Live gateway instances, from Redis heartbeats (budget shares divide by it while Redis is down).",
    registers: [registry],
    collect() {
      this.set(fleet.heartbeat.instanceCount());
    },
  });
}
