/*
 * The one shape for anything that can fail on user data: a parser, a reader of a stored record, a
 * check of a scenario the user typed. Parse results are values, not exceptions: import never throws on
 * user data, so a refusal is returned, with every reason found, for the caller to show or log.
 *
 * Success carries its payload under `value`; failure carries one or more issues, each a machine-readable
 * `code` (a string-literal union per parser, so callers can switch on it) and a sentence for the user.
 * A caller that needs more (the form field, the record's path) extends Issue rather than inventing a
 * new failure shape.
 */

export interface Issue<C extends string = string> {
  readonly code: C;
  readonly message: string;
}

export type Result<T, I extends Issue = Issue> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly I[] };

/** The issues' messages as one sentence for the user (the parsers' single issue, as it was). */
export function messages(issues: readonly Issue[]): string {
  return issues.map((i) => i.message).join('; ');
}
