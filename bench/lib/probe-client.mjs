// The benchmark's side of bench/lib/probe.mjs: questions to a measured process over its IPC channel, each
// matched to its answer by a random id (several may be in flight, e.g. memory samples during a run).

/** Sends `message` and resolves with the probe's answer of type `answerType`; rejects after `timeoutMs`. */
export function askProbe(child, message, answerType, timeoutMs) {
  return new Promise((resolve, reject) => {
    const id = Math.random().toString(36).slice(2);
    const onMessage = (answer) => {
      if (answer?.type !== answerType || answer.id !== id) return;
      child.off("message", onMessage);
      clearTimeout(timer);
      resolve(answer);
    };
    const timer = setTimeout(() => {
      child.off("message", onMessage);
      reject(new Error(`the probe did not answer with '${answerType}' within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("message", onMessage);
    child.send({ ...message, id });
  });
}

/** process.memoryUsage() and the used size per heap space of a probed process (after a full GC if `gc`). */
export async function askMemory(child, gc = false, timeoutMs = 5_000) {
  return (await askProbe(child, { type: "memory", gc }, "memory", timeoutMs)).usage;
}
