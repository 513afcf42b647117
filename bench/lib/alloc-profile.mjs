// Attribution of a V8 sampling heap profile of the gateway under load, taken with the objects the GC
// has already collected included: bytes allocated per function, module and bucket — where the garbage
// that the collector then spends its time on comes from. Same attribution as cpu-profile.mjs.
import { bucketOf, groupOf, moduleOf } from "./cpu-profile.mjs";

/**
 * @param {object} profile HeapProfiler.stopSampling's `profile` ({ head: { callFrame, selfSize, children } })
 * @param {object} where { bundleModules, root } as for summariseProfile
 * @param {number} requests answers served while sampling (for bytes per request)
 */
export function summariseAllocations(profile, where, requests) {
  const functions = new Map();
  const groups = new Map();
  const buckets = new Map();
  let total = 0;
  const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
  const stack = [profile.head];
  while (stack.length) {
    const node = stack.pop();
    stack.push(...node.children);
    if (!node.selfSize) continue;
    total += node.selfSize;
    const { callFrame } = node;
    const module = moduleOf(callFrame, where);
    const line =
      callFrame.url && !module.startsWith("(") && !module.startsWith("src/")
        ? `:${callFrame.lineNumber + 1}`
        : "";
    add(functions, `${callFrame.functionName || "(anonymous)"} — ${module}${line}`, node.selfSize);
    add(groups, groupOf(module), node.selfSize);
    add(buckets, bucketOf(callFrame.functionName, module), node.selfSize);
  }
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, bytes]) => ({
        name,
        kibPerRequest: Math.round((bytes / requests / 1024) * 10) / 10,
        share: Math.round((bytes / total) * 1000) / 10,
      }));
  return {
    requests,
    kibPerRequest: Math.round((total / requests / 1024) * 10) / 10,
    buckets: top(buckets, 20),
    groups: top(groups, 25),
    functions: top(functions, 30),
  };
}
