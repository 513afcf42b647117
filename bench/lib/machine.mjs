// The machine a run measured on, as it was when the run started: on a shared machine, absolute numbers
// are only readable beside its load and its busiest processes.
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { round } from "./stats.mjs";

export function machineState() {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8", timeout: 5_000 }).trim();
    } catch {
      return null;
    }
  };
  const busiest = sh("ps", ["-eo", "pcpu,rss,comm", "--sort=-pcpu", "--no-headers"]);
  return {
    nproc: sh("nproc", []),
    cpuModel: cpus()[0]?.model,
    memTotalBytes: totalmem(),
    free: sh("free", ["-h"]),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadavgAtStart: loadavg().map((v) => round(v, 2)),
    busiestProcessesAtStart: busiest
      ?.split("\n")
      .slice(0, 8)
      .map((l) => l.trim()),
  };
}
