/**
 * The HTML of Pleo's consent screen, simulated: plain HTML forms, no JavaScript, so a headless browser or
 * a test posting the form by hand walks the same path. Every value from the request is escaped.
 */

export interface ConsentChoice {
  /** `urn:pleo:company:<uuid>` or `urn:pleo:organisation:<uuid>`. */
  readonly urn: string;
  readonly label: string;
}

interface ConsentPageInput {
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly organisations: readonly ConsentChoice[];
  readonly companies: readonly ConsentChoice[];
  /** The authorisation request, re-posted with the decision. */
  readonly hidden: Readonly<Record<string, string>>;
  /** Shown above the form when a decision could not be taken (e.g. no subject picked). */
  readonly problem?: string;
}

export function consentPage(input: ConsentPageInput): string {
  const hidden = Object.entries(input.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n      ");
  const radios = (choices: readonly ConsentChoice[]) =>
    choices
      .map(
        (choice) =>
          `<li><label><input type="radio" name="subject" value="${escapeHtml(choice.urn)}" required> ${escapeHtml(choice.label)}</label></li>`,
      )
      .join("\n          ");
  const scopes = input.scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join("");
  return page(
    "Authorise access — Pleo (simulated)",
    `<h1>Authorise <code>${escapeHtml(input.clientId)}</code></h1>
    ${input.problem === undefined ? "" : `<p class="problem" role="alert">${escapeHtml(input.problem)}</p>`}
    <p>The application asks for these permissions:</p>
    <ul class="scopes">${scopes}</ul>
    <form method="post" action="/oauth/authorize">
      ${hidden}
      <fieldset>
        <legend>Grant access to a company</legend>
        <ul>
          ${radios(input.companies)}
        </ul>
      </fieldset>
      <fieldset>
        <legend>…or to a whole organisation</legend>
        <ul>
          ${radios(input.organisations)}
        </ul>
      </fieldset>
      <button type="submit" name="decision" value="approve">Approve</button>
      <button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
    </form>`,
  );
}

/** A request that cannot be redirected back (unknown client, unregistered redirect URI): RFC 6749 §4.1.2.1. */
export function errorPage(error: string, description: string): string {
  return page(
    "Authorisation failed — Pleo (simulated)",
    `<h1>Authorisation failed</h1>
    <p><code class="error">${escapeHtml(error)}</code>: <span class="description">${escapeHtml(description)}</span></p>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    ${body}
  </body>
</html>
`;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
