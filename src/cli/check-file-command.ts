// The check-file command (src/cli/check-file.ts runs it): the import pipeline in Node, answering with the receipt
// as text or JSON and an exit status (0 no row rejected; 1 some rows rejected; 2 the file cannot be read at all).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { formatFinancialYear, parseFinancialYear } from '../domain/core/period';
import { messages } from '../domain/core/result';
import { mappingWithHints } from '../import/column-mapping';
import { isDatasetKind, DATASET_KINDS, KIND_COLUMNS } from '../import/dataset-kinds';
import { readProfileFile } from '../import/mapping-profile-file';
import { planOf, planProblems } from '../import/preview';
import { authoritiesNamedBy, someAuthorities } from '../import/authority-returns';
import { authorityRowText, buildReceipt, signedFromSideText, type ImportReceipt } from '../import/receipt';
import { importRows, preview, scan, sizeRefusal } from '../import/run-import';
import { fileSource } from './node-source';
import { NODE_SHARE, nodeSplit } from './node-split';

interface Args {
  file?: string;
  kind?: string;
  headerRow?: number;
  /** An Excel workbook's sheet; by default its first visible one. */
  sheet?: string;
  /** Mapping hints, "Outturn column=File column", applied over the suggested mapping. */
  maps: string[];
  /** A mapping profile downloaded from the Import page: its kind, header row and columns, under any --map. */
  profile?: string;
  /** The financial year, as the user says it ("2018/19"), where the file does not settle it. */
  year?: string;
  /** An MHCLG revenue return's authority whose row is read as lines: its name or code as the file writes it. */
  authority?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, maps: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--kind') args.kind = argv[++i];
    else if (a === '--header-row') args.headerRow = Number(argv[++i]);
    else if (a === '--sheet') args.sheet = argv[++i];
    else if (a === '--map') args.maps.push(argv[++i] ?? '');
    else if (a === '--year') args.year = argv[++i] ?? '';
    else if (a === '--profile') args.profile = argv[++i] ?? '';
    else if (a === '--authority') args.authority = argv[++i] ?? '';
    else if (!a.startsWith('--')) args.file = a;
  }
  return args;
}

/** What the command prints and the status it exits with. */
export interface CheckFileAnswer {
  status: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** The file cannot be checked: thrown to `checkFile`, which answers with the reason and exit status 2. */
class Unreadable extends Error {
  constructor(
    message: string,
    readonly json: boolean,
    readonly file?: string,
  ) {
    super(message);
  }
}

function fail(message: string, json: boolean, file?: string): never {
  throw new Unreadable(message, json, file);
}

function unreadable(e: Unreadable): CheckFileAnswer {
  return e.json
    ? { status: 2, stdout: `${JSON.stringify({ file: e.file ?? null, error: e.message })}\n`, stderr: '' }
    : { status: 2, stdout: '', stderr: `check-file: ${e.message}\n` };
}

function summary(receipt: ImportReceipt) {
  const first = receipt.controlTotals[0];
  return {
    file: receipt.fileName,
    size: receipt.size,
    sha256: receipt.sha256,
    encoding: receipt.encoding,
    encodingReason: receipt.encodingReason,
    delimiter: receipt.delimiter,
    headerRow: receipt.headerRow,
    kind: receipt.kind,
    rows: {
      read: receipt.rows.read,
      accepted: receipt.rows.accepted,
      rejected: receipt.rows.rejected,
      skipped: receipt.rows.skipped,
      blank: receipt.rows.blank,
      preamble: receipt.rows.preamble,
      lines: receipt.rows.lines,
      multiLineRows: receipt.rows.multiLineRows,
      signedFromSide: receipt.rows.signedFromSide,
    },
    totals: first
      ? { column: first.column, debit: first.debit, credit: first.credit, net: first.net }
      : { column: null, debit: '0.00', credit: '0.00', net: '0.00' },
    totalsByColumn: receipt.controlTotals.map((t) => ({
      column: t.column,
      debit: t.debit,
      credit: t.credit,
      net: t.net,
      byPeriod: t.byPeriod,
    })),
    totalRowChecks: receipt.totalRowChecks,
    ...(receipt.authorityRow ? { authorityRow: receipt.authorityRow } : {}),
    issueCount: receipt.issueCount,
    issues: receipt.issues.map((i) => ({
      row: i.row,
      column: i.column,
      code: i.code,
      message: i.message,
      value: i.value,
      severity: i.severity,
    })),
  };
}

/**
 * The command, given its arguments (without node and the script): what it prints and its exit status. Runs in
 * this process and never exits it, so tests call it directly; check-file.ts runs it as the command.
 */
export async function checkFile(argv: readonly string[]): Promise<CheckFileAnswer> {
  try {
    return await answer([...argv]);
  } catch (error: unknown) {
    if (error instanceof Unreadable) return unreadable(error);
    return unreadable(new Unreadable(error instanceof Error ? error.message : String(error), argv.includes('--json')));
  }
}

async function answer(argv: string[]): Promise<CheckFileAnswer> {
  const args = parseArgs(argv);
  if (!args.file)
    fail(
      'give the file to check: npm run check-file -- <file> [--kind KIND] [--header-row N] [--sheet NAME] [--map "Cost centre=Expense Area" ...] [--profile FILE] [--year 2018/19] [--authority "Name or code"] [--json]',
      args.json,
    );
  if (!existsSync(args.file) || !statSync(args.file).isFile()) fail(`${args.file} is not a file`, args.json, args.file);
  if (args.profile !== undefined) {
    if (!existsSync(args.profile) || !statSync(args.profile).isFile())
      fail(`--profile ${args.profile} is not a file`, args.json, args.file);
    const profile = readProfileFile(readFileSync(args.profile, 'utf8'));
    if (!profile.ok) fail(`--profile ${args.profile}: ${messages(profile.issues)}`, args.json, args.file);
    // What the command line says wins over the profile: --kind, --header-row, and each --map after its columns.
    args.kind ??= profile.value.kind;
    args.headerRow ??= profile.value.headerRow;
    args.maps = [...profile.value.hints, ...args.maps];
  }
  if (args.kind !== undefined && !isDatasetKind(args.kind))
    fail(`--kind must be one of ${DATASET_KINDS.join(', ')}`, args.json, args.file);
  const source = fileSource(args.file);
  const refusal = sizeRefusal(source.name, source.size);
  if (refusal) fail(refusal, args.json, args.file);

  const started = new Date();
  // Counting the bytes before the cut where the thread will cut (node-split.ts NODE_SHARE), for it to start there.
  const scanned = await scan(source, undefined, undefined, undefined, NODE_SHARE);
  if (!scanned.verdict.ok) fail(messages(scanned.verdict.issues), args.json, args.file);
  const kind = args.kind !== undefined && isDatasetKind(args.kind) ? args.kind : undefined;
  const year = args.year === undefined ? undefined : parseFinancialYear(args.year);
  if (year && !year.ok) fail(`--year: ${messages(year.issues)}`, args.json, args.file);
  const choices = {
    ...(year?.ok ? { year: year.value.startYear } : {}),
    ...(kind ? { kind } : {}),
    ...(args.headerRow ? { headerIndex: args.headerRow - 1 } : {}),
    ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
    ...(args.authority !== undefined ? { authority: args.authority } : {}),
  };
  let p = await preview(source, scanned.verdict.value, choices);
  // --authority by part of a name: taken where it names one authority only (said on the output), else refused below.
  let authorityNote: string | null = null;
  const asked = p.authorityReturn;
  if (args.authority !== undefined && asked && asked.chosen.length === 0) {
    const named = authoritiesNamedBy(asked.authorities, args.authority);
    if (named.length === 1) {
      const a = named[0]!;
      authorityNote = `"${args.authority}" names one authority only: ${a.name}${a.code ? ` (${a.code})` : ''}, read as its row`;
      choices.authority = a.name;
      p = await preview(source, scanned.verdict.value, choices);
    } else if (named.length > 1)
      fail(
        `${source.name}: "${args.authority}" names ${named.length} authorities: ${named
          .slice(0, 8)
          .map((a) => `${a.name}${a.code ? ` (${a.code})` : ''}`)
          .join('; ')}${named.length > 8 ? '; ...' : ''}. Name one with --authority "<name or code>".`,
        args.json,
        args.file,
      );
  }
  if (args.maps.length > 0) {
    const told = mappingWithHints(p.headers, p.suggestion.kind, p.suggestion.mapping, args.maps);
    if (!told.ok) fail(`${source.name}: ${messages(told.issues)}`, args.json, args.file);
    p = await preview(source, scanned.verdict.value, { ...choices, kind: p.suggestion.kind, mapping: told.value });
  }
  const problems = planProblems(p);
  if (problems.length > 0) {
    const shown = p.headers.slice(0, 12).map((h) => (h.length > 40 ? `${h.slice(0, 40)}…` : h));
    const more =
      p.headers.length > shown.length ? ` and ${(p.headers.length - shown.length).toLocaleString('en-GB')} more` : '';
    // A recognised layout that is not imported (an MHCLG revenue return) says what to do itself: no --map helps.
    const missing = p.layout
      ? undefined
      : KIND_COLUMNS[p.suggestion.kind].find(
          (c) => c.required && (p.suggestion.mapping[c.key] === null || p.suggestion.mapping[c.key] === undefined),
        );
    const ret = p.authorityReturn;
    const hint = missing
      ? ` Name the column with --map "${missing.label}=<column>"${kind === undefined ? ', or say what the file is with --kind' : ''}.`
      : ret && (ret.kind === p.suggestion.kind || p.suggestion.kind === 'budget' || p.suggestion.kind === 'outturn')
        ? ret.choice === null
          ? ` Name your authority's row with --authority "<name or code>"; its rows: ${someAuthorities(ret)}.`
          : ' Name another with --authority "<name or code>".'
        : '';
    fail(
      `${source.name}: ${problems.join(' ')} (headers found on row ${p.headerIndex + 1}: ${shown.join(', ')}${more}).${hint}`,
      args.json,
      args.file,
    );
  }
  const plan = planOf(p);
  // A large file's second half is read on a thread of its own, as the browser reads it (split-import.ts), from the
  // count the scan made of the bytes before its cut.
  const split = nodeSplit({ path: args.file }, source.name, plan, false, scanned.cutCount);
  const result = await importRows(source, plan, () => undefined, undefined, undefined, undefined, split);
  const receipt = buildReceipt({
    id: 'cli',
    datasetId: 'cli',
    plan,
    sha256: scanned.sha256,
    result,
    startedAt: started,
    finishedAt: new Date(),
  });
  const s = summary(receipt);

  const yearLine =
    p.year !== null
      ? `${formatFinancialYear({ startYear: p.year })}${p.month !== null ? `, as at P${p.month}` : ''} (${args.year !== undefined ? 'given with --year' : p.yearGuess.evidence.join(' ')})`
      : `not settled: ${p.yearGuess.question ?? 'the file does not say'} Give it with --year 2018/19.`;
  if (args.json) {
    const year = {
      year: p.year === null ? null : formatFinancialYear({ startYear: p.year }),
      month: p.month,
      evidence: p.yearGuess.evidence,
      question: p.year === null ? p.yearGuess.question : null,
    };
    return { status: s.rows.rejected > 0 ? 1 : 0, stdout: `${JSON.stringify({ ...s, year })}\n`, stderr: '' };
  }
  const signed = signedFromSideText(receipt);
  const out = [
    `${s.file} (${s.size} bytes)  sha256 ${s.sha256}`,
    `encoding  ${s.encoding}: ${s.encodingReason}`,
    `layout    ${receipt.sheet === undefined ? `${s.delimiter}-delimited` : `sheet "${receipt.sheet}", read cell by cell`}, header on row ${s.headerRow} (${receipt.headerReason}); read as ${s.kind}`,
    `year      ${yearLine}`,
    `mapping   ${receipt.mapping
      .filter((m) => m.header)
      .map((m) => `${m.label} <- "${m.header ?? ''}"${m.scale === 'thousands' ? " (£'000)" : ''}`)
      .join('; ')}`,
    `rows      ${s.rows.read} read = ${s.rows.accepted} accepted + ${s.rows.rejected} rejected + ${s.rows.skipped} skipped (${receipt.authorityRow ? "other authorities' rows, cells with no figure, totals" : 'totals, footers'}); ${s.rows.blank} blank, ${s.rows.preamble} above the header${s.rows.multiLineRows ? `; ${s.rows.lines ?? 0} lines, ${s.rows.multiLineRows} rows across line breaks inside quotes` : ''}`,
    signed === null ? '' : `signs     ${signed}`,
    ...(authorityNote ? [`return    ${authorityNote}`] : []),
    ...(authorityRowText(receipt) ?? []).map((t) => `return    ${t}`),
    ...s.totalsByColumn.flatMap((t) => [
      `totals    ${t.column}: debits ${t.debit}, credits ${t.credit}, net ${t.net}`,
      ...t.byPeriod.map(
        (p) =>
          `totals    ${t.column} ${p.period === 0 ? 'no period' : `P${p.period}`}: debits ${p.debit}, credits ${p.credit}, net ${p.net}`,
      ),
    ]),
    ...s.totalRowChecks.map(
      (c) =>
        `check     row ${c.row} "${c.label}" ${c.column}: file says ${c.printed}, rows add to ${c.computed}: ${c.status === 'pass' ? 'agrees' : `DIFFERS by ${c.difference}`}`,
    ),
    ...s.issues
      .slice(0, 50)
      .map(
        (i) =>
          `${i.severity === 'error' ? 'rejected' : 'warning '}  row ${i.row}, ${i.column || '(row)'}: ${i.message} [${i.code}]`,
      ),
    s.issueCount > 50 ? `... and ${s.issueCount - 50} more issues (use --json for all kept)` : '',
  ].filter((l) => l !== '');
  return { status: s.rows.rejected > 0 ? 1 : 0, stdout: `${out.join('\n')}\n`, stderr: '' };
}
