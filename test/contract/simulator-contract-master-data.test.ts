import { it } from "vitest";
import { useSimulator } from "../simulator/helpers.ts";
import { describeContract, expectCaseMatchesSpec } from "./contract-runner.ts";
import { MASTER_DATA_CASES } from "./master-data-cases.ts";

/** The simulator's master-data reads against Pleo's OpenAPI specs, case by case. */
describeContract(() => {
  const sim = useSimulator();

  it.each(MASTER_DATA_CASES)("$name ($method $template → $status)", (c) => expectCaseMatchesSpec(sim(), c));
});
