import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors.ts";

/**
 * `ErrorCode` (src/errors.ts) is the one list of codes; the README's error table is what callers read.
 * Clients branch on these codes, so a code missing from the table is undocumented API and a code only in
 * the table is a promise the gateway does not keep.
 */

/** The codes named in the first column of the README table headed `| code | when | HTTP |`. */
function readmeErrorCodes(): string[] {
  const lines = readFileSync(new URL("../../README.md", import.meta.url), "utf8").split("\n");
  const header = lines.findIndex((line) => /^\|\s*code\s*\|/.test(line));
  if (header < 0) throw new Error("README.md has no table headed `| code | … |`");
  const rows = [];
  // Past the header and its |---| separator, up to the first line that is not a table row.
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line);
  }
  return rows.flatMap((row) => {
    const firstCell = row.split("|")[1] ?? "";
    // Codes are backticked SCREAMING_SNAKE_CASE; other backticked words (`extensions.issues`) are notes.
    return [...firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] as string);
  });
}

describe("the README's error-code table", () => {
  const documented = readmeErrorCodes();
  const defined = Object.values(ErrorCode);

  it("lists each code once", () => {
    const repeated = documented.filter((code, index) => documented.indexOf(code) !== index);
    expect(repeated).toEqual([]);
  });

  it("lists exactly the codes of ErrorCode", () => {
    expect({
      missingFromReadme: defined.filter((code) => !documented.includes(code)).sort(),
      notInErrorCode: documented.filter((code) => !(defined as string[]).includes(code)).sort(),
    }).toEqual({ missingFromReadme: [], notInErrorCode: [] });
  });
});
