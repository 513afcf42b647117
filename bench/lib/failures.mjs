// Failed requests of a run's measured load: logged, listed in the results, and — above 0.1 % of a run —
// what makes its scenario invalid for the targets (it measured failures, not the gateway).

/**
 * @param {object} results the run's results: failures are listed in `results.problems`
 * @param {(message: string) => void} log
 */
export function failureLog(results, log) {
  /** Keys (results.scenarios) of the scenarios whose runs failed too often to be measured. */
  const invalid = new Set();
  return {
    invalid,
    /** Records the failed requests (HTTP status, connection errors, GraphQL errors where bodies were read). */
    checkStatuses(label, run, scenario) {
      if (!(run.failures > 0)) return;
      const problem = `${label}: ${run.failures} of ${run.responses} requests failed (statuses ${JSON.stringify(run.statuses)}, ${run.errors} connection errors, ${run.bodyErrors} answers with GraphQL errors)${run.firstBodyError ? `; first: ${run.firstBodyError}` : ""}`;
      log(`  ! ${problem}`);
      results.problems = [...(results.problems ?? []), problem];
      if (run.failureRate > 0.001 && scenario) invalid.add(scenario);
    },
  };
}
