import { it } from "vitest";
import { useSimulator } from "../simulator/helpers.ts";
import { describeContract, expectCaseMatchesSpec } from "./contract-runner.ts";
import { EXPORT_AND_ENTRY_CASES } from "./export-entry-cases.ts";

/** The simulator's export (v3) and accounting-entry reads, and their error bodies, against Pleo's OpenAPI specs. */
describeContract(() => {
  const sim = useSimulator();

  it.each(EXPORT_AND_ENTRY_CASES)("$name ($method $template → $status)", (c) =>
    expectCaseMatchesSpec(sim(), c),
  );
});
