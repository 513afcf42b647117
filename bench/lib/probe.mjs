// Preloaded into a measured gateway process (`node --import ./bench/lib/probe.mjs …`): answers the
// benchmark's IPC questions about the process itself. Nothing here runs unless the benchmark asks.
//   { type: "memory", gc }     process.memoryUsage() and V8's used size per heap space, after a full GC
//                              when `gc` (needs --expose-gc)
//   { type: "profile-start" }  starts V8's CPU profiler on the main thread (node:inspector)
//   { type: "profile-stop" }   stops it and answers with the profile (Chrome .cpuprofile format)
//   { type: "alloc-start" }    starts V8's sampling heap profiler, counting objects the GC has collected
//                              too (every allocation, not only what survives: the garbage is the point)
//   { type: "alloc-stop" }     stops it and answers with the sampling heap profile
import { Session } from "node:inspector";
import { getHeapSpaceStatistics } from "node:v8";

if (typeof process.send === "function") {
  let session = null;
  const post = (method, params = {}) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  process.on("message", (message) => {
    if (message?.type === "memory") {
      if (message.gc && typeof globalThis.gc === "function") {
        globalThis.gc();
        globalThis.gc();
      }
      const spaces = Object.fromEntries(
        getHeapSpaceStatistics().map((x) => [x.space_name, x.space_used_size]),
      );
      process.send({ type: "memory", id: message.id, usage: { ...process.memoryUsage(), spaces } });
    } else if (message?.type === "profile-start") {
      session = new Session();
      session.connect();
      post("Profiler.enable")
        .then(() => post("Profiler.setSamplingInterval", { interval: message.intervalUs ?? 200 }))
        .then(() => post("Profiler.start"))
        .then(() => process.send({ type: "profile-started", id: message.id }));
    } else if (message?.type === "alloc-start") {
      session = new Session();
      session.connect();
      post("HeapProfiler.enable")
        .then(() =>
          post("HeapProfiler.startSampling", {
            samplingInterval: message.intervalBytes ?? 16_384,
            includeObjectsCollectedByMajorGC: true,
            includeObjectsCollectedByMinorGC: true,
          }),
        )
        .then(() => process.send({ type: "alloc-started", id: message.id }));
    } else if (message?.type === "alloc-stop") {
      post("HeapProfiler.stopSampling").then(({ profile }) => {
        session.disconnect();
        session = null;
        process.send({ type: "alloc", id: message.id, profile });
      });
    } else if (message?.type === "profile-stop") {
      post("Profiler.stop").then(({ profile }) => {
        session.disconnect();
        session = null;
        process.send({ type: "profile", id: message.id, profile });
      });
    }
  });
  // The IPC channel must not keep a gateway alive that wants to exit.
  process.channel?.unref();
}
