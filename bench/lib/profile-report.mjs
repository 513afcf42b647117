// bench/profile.mjs's report as Markdown (bench/results/profile-<query>.md).

export function profileMarkdown(report) {
  const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
  const rows = (list) =>
    list.map((x) => `| ${x.name.replaceAll("|", "\\|")} | ${x.ms} | ${x.share} % |`).join("\n");
  return `# Gateway profile: ${report.query} query, ${report.connections} connections, ${report.seconds} s

${Math.round(report.cpu.rps)} req/s, ${report.cpu.cpuMsPerRequest.toFixed(3)} ms CPU per request (kernel accounting),
${report.cpu.busyMs} ms busy / ${report.cpu.idleMs} ms idle in the profile (main thread, 200 µs sampling).
Raw profile: \`${report.cpu.file}\` (open in Chrome DevTools → Performance, or speedscope).

## Where a request's CPU goes

| bucket | self ms | share of busy |
|---|---|---|
${rows(report.cpu.buckets)}

Per request: ${report.cpu.cpuMsPerRequest.toFixed(3)} ms × the share.

## Self time by area

| area | self ms | share of busy |
|---|---|---|
${rows(report.cpu.groups)}

## Self time by module

| module | self ms | share of busy |
|---|---|---|
${rows(report.cpu.modules)}

## Hottest functions (self time)

| function — module:line | self ms | share of busy |
|---|---|---|
${rows(report.cpu.functions)}

${report.cpu.allocations ? allocationsMarkdown(report.cpu.allocations) : ""}## Idle heap by import step (after full GC, no request served)

| step | heap used | added | RSS |
|---|---|---|---|
${report.heap.steps.map((s) => `| ${s.name} | ${mib(s.heapUsed)} | ${mib(s.heapDelta)} | ${mib(s.rss)} |`).join("\n")}

Schema types: ${report.heap.schemaTypes}. ${report.heap.note}
`;
}

function allocationsMarkdown(a) {
  const rows = (list) =>
    list.map((x) => `| ${x.name.replaceAll("|", "\\|")} | ${x.kibPerRequest} | ${x.share} % |`).join("\n");
  return `## What a request allocates (sampling heap profiler, collected objects included)

${a.kibPerRequest} KiB per request over ${a.requests} requests. Raw profile: \`${a.file}\`
(Chrome DevTools → Memory → Load).

| bucket | KiB per request | share |
|---|---|---|
${rows(a.buckets)}

| area | KiB per request | share |
|---|---|---|
${rows(a.groups)}

| function — module:line | KiB per request | share |
|---|---|---|
${rows(a.functions)}

`;
}
