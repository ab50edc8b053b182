import type { JsonValue } from '../core/canonical-json';
import { Money, ZERO } from '../core/money';
import type { Issue, Result } from '../core/result';
import { toThousands } from '../core/units';
import type { MtfsInput, PlannedMovement } from '../reserves/mtfs-planner';
import { formatFinancialYear } from '../core/period';
import {
  INFLOW_CASE_IDS,
  type Commitment,
  type InflowCase,
  type InflowCaseId,
  type InflowSource,
  type RoadCasualtyInput,
} from '../reserves/road-casualty-reserve';

/*
 * A scenario: a named set of inputs to both models, saved, copied and compared. Stored as plain JSON
 * with every amount a decimal string in pounds (never a float), and read back through a checker that
 * reports what is wrong rather than throwing, because a stored record may come from an older version
 * of the app or another tab.
 */

export interface ScenarioInputs {
  roadCasualty: RoadCasualtyInput;
  mtfs: MtfsInput;
}

export interface Scenario {
  id: string;
  name: string;
  /** ISO 8601 timestamp of the last save. */
  savedAt: string;
  /**
   * The financial year (first calendar year: 2017 = 2017/18) whose closing balances the scenario opens at: the
   * reserves position it was made from. Always set on a scenario read back; a scenario saved before format 2
   * did not record it, and is read as starting from the year before its MTFS plan's first year (which is what
   * the page gave it then). Absent on a new scenario only where the caller leaves it to the same rule.
   */
  startsFrom?: number;
  inputs: ScenarioInputs;
}

/**
 * The version of the stored shape; bump it (and read the old one) if the shape changes. 2: `startsFrom`, the
 * year whose closing balances the scenario opens at. Format 1 is still read (see Scenario.startsFrom).
 */
const SCENARIO_FORMAT = 2;
const READABLE_FORMATS: readonly unknown[] = [1, 2];

/** The year a scenario starts from: as recorded, or (format 1) the year before its plan's first year. */
export const startsFromOf = (s: Scenario): number => s.startsFrom ?? s.inputs.mtfs.firstYear - 1;

const money = (m: Money): string => m.toString();

function sourceToJson(s: InflowSource): JsonValue {
  return s.kind === 'direct'
    ? { kind: 'direct', amount: money(s.amount) }
    : { kind: 'ctc-share', ctcSurplus: money(s.ctcSurplus), nreSharePercent: money(s.nreSharePercent) };
}

/** A scenario as JSON-safe data: amounts as decimal strings in pounds, percentages as decimal strings. */
export function scenarioToJson(s: Scenario): { id: string; [key: string]: JsonValue } {
  const rc = s.inputs.roadCasualty;
  const mtfs = s.inputs.mtfs;
  return {
    format: SCENARIO_FORMAT,
    id: s.id,
    name: s.name,
    savedAt: s.savedAt,
    startsFrom: startsFromOf(s),
    roadCasualty: {
      openingBalance: money(rc.openingBalance),
      firstYear: rc.firstYear,
      horizonYears: rc.horizonYears,
      toApply: { amount: money(rc.toApply.amount), year: rc.toApply.year },
      inflowCases: Object.fromEntries(
        INFLOW_CASE_IDS.map((id) => [
          id,
          {
            source: sourceToJson(rc.inflowCases[id].source),
            overrides: rc.inflowCases[id].overrides.map((o) => ({ year: o.year, amount: money(o.amount) })),
          },
        ]),
      ),
      commitments: rc.commitments.map((c) => ({
        id: c.id,
        label: c.label,
        amount: money(c.amount),
        status: c.status,
        kind: c.kind,
        firstYear: c.firstYear,
        years: c.years,
      })),
      floor: money(rc.floor),
    },
    mtfs: {
      firstYear: mtfs.firstYear,
      horizonYears: mtfs.horizonYears,
      netRevenueBudget: mtfs.netRevenueBudget.map((b) => ({ year: b.year, amount: money(b.amount) })),
      generalReserveFloorPercent: money(mtfs.generalReserveFloorPercent),
      movements: mtfs.movements.map((m) => ({
        reserveKey: m.reserveKey,
        year: m.year,
        contribution: money(m.contribution),
        drawdown: money(m.drawdown),
      })),
    },
  };
}

export type ScenarioIssueCode =
  | 'expected-object'
  | 'expected-list'
  | 'expected-text'
  | 'expected-amount'
  | 'negative'
  | 'expected-whole-number'
  | 'expected-one-of'
  | 'wrong-format'
  | 'empty';

/** What is wrong with one field of a stored scenario; the message starts with its path. */
export interface ScenarioIssue extends Issue<ScenarioIssueCode> {
  readonly path: string;
}

export type ScenarioReadResult = Result<Scenario, ScenarioIssue>;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Collects every problem in a stored record, with its path, instead of stopping at the first. */
class Reader {
  readonly issues: ScenarioIssue[] = [];
  add(path: string, code: ScenarioIssueCode, what: string): void {
    this.issues.push({ path, code, message: `${path}: ${what}` });
  }
  obj(v: unknown, path: string): Record<string, unknown> {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    this.add(path, 'expected-object', 'expected an object');
    return {};
  }
  arr(v: unknown, path: string): unknown[] {
    if (Array.isArray(v)) return v;
    this.add(path, 'expected-list', 'expected a list');
    return [];
  }
  str(v: unknown, path: string): string {
    if (typeof v === 'string') return v;
    this.add(path, 'expected-text', 'expected text');
    return '';
  }
  /** Money is stored as a decimal string; a number would already have passed through a float. */
  money(v: unknown, path: string, { nonNegative = false } = {}): Money {
    if (typeof v !== 'string' || !DECIMAL.test(v)) {
      this.add(path, 'expected-amount', 'expected an amount as a decimal string');
      return ZERO;
    }
    const m = new Money(v);
    if (nonNegative && m.isNegative()) this.add(path, 'negative', 'must not be negative');
    return m;
  }
  int(v: unknown, path: string, min: number, max: number): number {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    this.add(path, 'expected-whole-number', `expected a whole number ${min}-${max}`);
    return min;
  }
  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
    this.add(path, 'expected-one-of', `expected one of ${options.join(', ')}`);
    return options[0]!;
  }
}

const YEAR_MIN = 1990;
const YEAR_MAX = 2200;
/** The longest horizon either model accepts, in years. */
export const MAX_HORIZON_YEARS = 15;

function readSource(r: Reader, v: unknown, path: string): InflowSource {
  const o = r.obj(v, path);
  const kind = r.oneOf(o.kind, `${path}.kind`, ['direct', 'ctc-share'] as const);
  return kind === 'direct'
    ? { kind, amount: r.money(o.amount, `${path}.amount`, { nonNegative: true }) }
    : {
        kind,
        ctcSurplus: r.money(o.ctcSurplus, `${path}.ctcSurplus`, { nonNegative: true }),
        nreSharePercent: r.money(o.nreSharePercent, `${path}.nreSharePercent`, { nonNegative: true }),
      };
}

/** Reads a stored scenario back, checking every field. */
export function scenarioFromJson(value: unknown): ScenarioReadResult {
  const r = new Reader();
  const o = r.obj(value, 'scenario');
  if (!READABLE_FORMATS.includes(o.format))
    r.add(
      'scenario.format',
      'wrong-format',
      `expected ${READABLE_FORMATS.join(' or ')}, found ${JSON.stringify(o.format)}`,
    );
  const rc = r.obj(o.roadCasualty, 'roadCasualty');
  const cases = r.obj(rc.inflowCases, 'roadCasualty.inflowCases');
  const inflowCase = (id: InflowCaseId): InflowCase => {
    const c = r.obj(cases[id], `roadCasualty.inflowCases.${id}`);
    return {
      id,
      source: readSource(r, c.source, `roadCasualty.inflowCases.${id}.source`),
      overrides: r.arr(c.overrides, `roadCasualty.inflowCases.${id}.overrides`).map((v, i) => {
        const p = `roadCasualty.inflowCases.${id}.overrides[${i}]`;
        const ov = r.obj(v, p);
        return {
          year: r.int(ov.year, `${p}.year`, YEAR_MIN, YEAR_MAX),
          amount: r.money(ov.amount, `${p}.amount`, { nonNegative: true }),
        };
      }),
    };
  };
  const toApply = r.obj(rc.toApply, 'roadCasualty.toApply');
  const commitments = r.arr(rc.commitments, 'roadCasualty.commitments').map((v, i): Commitment => {
    const p = `roadCasualty.commitments[${i}]`;
    const c = r.obj(v, p);
    return {
      id: r.str(c.id, `${p}.id`),
      label: r.str(c.label, `${p}.label`),
      amount: r.money(c.amount, `${p}.amount`, { nonNegative: true }),
      status: r.oneOf(c.status, `${p}.status`, ['committed', 'earmarked'] as const),
      kind: r.oneOf(c.kind, `${p}.kind`, ['one-off-capital', 'recurrent-revenue'] as const),
      firstYear: r.int(c.firstYear, `${p}.firstYear`, YEAR_MIN, YEAR_MAX),
      years: c.years === null ? null : r.int(c.years, `${p}.years`, 1, 100),
    };
  });
  const mtfs = r.obj(o.mtfs, 'mtfs');
  const movements = r.arr(mtfs.movements, 'mtfs.movements').map((v, i): PlannedMovement => {
    const p = `mtfs.movements[${i}]`;
    const m = r.obj(v, p);
    return {
      reserveKey: r.str(m.reserveKey, `${p}.reserveKey`),
      year: r.int(m.year, `${p}.year`, YEAR_MIN, YEAR_MAX),
      contribution: r.money(m.contribution, `${p}.contribution`, { nonNegative: true }),
      drawdown: r.money(m.drawdown, `${p}.drawdown`, { nonNegative: true }),
    };
  });
  const mtfsFirstYear = r.int(mtfs.firstYear, 'mtfs.firstYear', YEAR_MIN, YEAR_MAX);
  const scenario: Scenario = {
    id: r.str(o.id, 'scenario.id'),
    name: r.str(o.name, 'scenario.name'),
    savedAt: r.str(o.savedAt, 'scenario.savedAt'),
    // Format 1 did not record it: the page then always opened the plan the year after the position it read.
    startsFrom: o.format === 1 ? mtfsFirstYear - 1 : r.int(o.startsFrom, 'scenario.startsFrom', YEAR_MIN, YEAR_MAX),
    inputs: {
      roadCasualty: {
        openingBalance: r.money(rc.openingBalance, 'roadCasualty.openingBalance'),
        firstYear: r.int(rc.firstYear, 'roadCasualty.firstYear', YEAR_MIN, YEAR_MAX),
        horizonYears: r.int(rc.horizonYears, 'roadCasualty.horizonYears', 1, MAX_HORIZON_YEARS),
        toApply: {
          amount: r.money(toApply.amount, 'roadCasualty.toApply.amount', { nonNegative: true }),
          year: r.int(toApply.year, 'roadCasualty.toApply.year', YEAR_MIN, YEAR_MAX),
        },
        inflowCases: { low: inflowCase('low'), central: inflowCase('central'), high: inflowCase('high') },
        commitments,
        floor: r.money(rc.floor, 'roadCasualty.floor'),
      },
      mtfs: {
        firstYear: mtfsFirstYear,
        horizonYears: r.int(mtfs.horizonYears, 'mtfs.horizonYears', 1, MAX_HORIZON_YEARS),
        netRevenueBudget: r.arr(mtfs.netRevenueBudget, 'mtfs.netRevenueBudget').map((v, i) => {
          const b = r.obj(v, `mtfs.netRevenueBudget[${i}]`);
          return {
            year: r.int(b.year, `mtfs.netRevenueBudget[${i}].year`, YEAR_MIN, YEAR_MAX),
            amount: r.money(b.amount, `mtfs.netRevenueBudget[${i}].amount`),
          };
        }),
        generalReserveFloorPercent: r.money(mtfs.generalReserveFloorPercent, 'mtfs.generalReserveFloorPercent', {
          nonNegative: true,
        }),
        movements,
      },
    },
  };
  if (scenario.id === '' && !r.issues.some((i) => i.path.startsWith('scenario.id')))
    r.add('scenario.id', 'empty', 'must not be empty');
  return r.issues.length > 0 ? { ok: false, issues: r.issues } : { ok: true, value: scenario };
}

// ---------------------------------------------------------------------------------------------------
// Describing and comparing scenarios
// ---------------------------------------------------------------------------------------------------

export type EntryUnit = 'pounds' | 'percent' | 'year' | 'years' | 'text';

/** One input of a scenario, named for people and keyed for comparison. */
export interface ScenarioEntry {
  key: string;
  /** "Road Casualty Reserve" or "MTFS planner". */
  model: string;
  label: string;
  unit: EntryUnit;
  /** The exact value as text: pounds or percent as a decimal string, a year as "2019/20", words. */
  exact: string;
  /** The value as people read it: £'000 with separators (exact, not rounded), "3%", "2019/20". */
  display: string;
}

const CASE_NAMES: Readonly<Record<InflowCaseId, string>> = { low: 'Low', central: 'Central', high: 'High' };

function groupDigits(s: string): string {
  const negative = s.startsWith('-');
  const [whole = '0', fraction] = (negative ? s.slice(1) : s).split('.');
  const body = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
  return negative ? `(${body})` : body;
}

/** Pounds shown in £'000 without rounding (730,400 -> "730.4"), so a comparison never hides a difference. */
export function exactThousands(pounds: Money): string {
  return groupDigits(toThousands(pounds).toString());
}

const year = (y: number): string => formatFinancialYear({ startYear: y });

/**
 * Every input of a scenario as entries, in a stable order. `reserveLabel` names a planned movement's
 * reserve (the label in the loaded position); without it the key is shown.
 */
export function scenarioEntries(
  inputs: ScenarioInputs,
  reserveLabel: (key: string) => string = (k) => k,
): ScenarioEntry[] {
  const out: ScenarioEntry[] = [];
  const RC = 'Road Casualty Reserve';
  const MTFS = 'MTFS planner';
  const pounds = (key: string, model: string, label: string, v: Money) =>
    out.push({ key, model, label, unit: 'pounds', exact: v.toString(), display: exactThousands(v) });
  const text = (key: string, model: string, label: string, v: string, unit: EntryUnit = 'text') =>
    out.push({ key, model, label, unit, exact: v, display: v });
  const rc = inputs.roadCasualty;
  pounds('rc.opening', RC, `Opening balance (1 April ${rc.firstYear})`, rc.openingBalance);
  text('rc.first-year', RC, 'First year', year(rc.firstYear), 'year');
  text('rc.horizon', RC, 'Horizon (years)', String(rc.horizonYears), 'years');
  pounds('rc.floor', RC, 'Floor', rc.floor);
  pounds('rc.to-apply', RC, `Expenditure yet to be applied`, rc.toApply.amount);
  text('rc.to-apply.year', RC, 'Expenditure yet to be applied: year', year(rc.toApply.year), 'year');
  for (const id of INFLOW_CASE_IDS) {
    const c = rc.inflowCases[id];
    const name = `${CASE_NAMES[id]} case inflow`;
    if (c.source.kind === 'direct') {
      text(`rc.inflow.${id}.source`, RC, `${name}: basis`, 'a yearly amount');
      pounds(`rc.inflow.${id}.amount`, RC, `${name}: yearly amount`, c.source.amount);
    } else {
      text(`rc.inflow.${id}.source`, RC, `${name}: basis`, 'CTC surplus x NRE share');
      pounds(`rc.inflow.${id}.ctc`, RC, `${name}: CTC unit surplus`, c.source.ctcSurplus);
      out.push({
        key: `rc.inflow.${id}.share`,
        model: RC,
        label: `${name}: NRE share`,
        unit: 'percent',
        exact: c.source.nreSharePercent.toString(),
        display: `${c.source.nreSharePercent.toString()}%`,
      });
    }
    for (const o of [...c.overrides].sort((a, b) => a.year - b.year))
      pounds(`rc.inflow.${id}.year.${o.year}`, RC, `${name} in ${year(o.year)}`, o.amount);
  }
  for (const c of rc.commitments) {
    const k = `rc.commitment.${c.id}`;
    text(`${k}.label`, RC, `Commitment ${c.label}: name`, c.label);
    pounds(`${k}.amount`, RC, `${c.label}: amount`, c.amount);
    text(`${k}.status`, RC, `${c.label}: status`, c.status);
    text(`${k}.kind`, RC, `${c.label}: kind`, c.kind === 'one-off-capital' ? 'one-off capital' : 'recurrent revenue');
    text(`${k}.first-year`, RC, `${c.label}: first year`, year(c.firstYear), 'year');
    if (c.kind === 'recurrent-revenue')
      text(
        `${k}.years`,
        RC,
        `${c.label}: years`,
        c.years === null ? 'to the end of the horizon' : String(c.years),
        'years',
      );
  }
  const m = inputs.mtfs;
  text('mtfs.first-year', MTFS, 'First year', year(m.firstYear), 'year');
  text('mtfs.horizon', MTFS, 'Horizon (years)', String(m.horizonYears), 'years');
  out.push({
    key: 'mtfs.floor',
    model: MTFS,
    label: 'General reserve policy floor',
    unit: 'percent',
    exact: m.generalReserveFloorPercent.toString(),
    display: `${m.generalReserveFloorPercent.toString()}%`,
  });
  for (const b of [...m.netRevenueBudget].sort((a, b2) => a.year - b2.year))
    pounds(`mtfs.nrb.${b.year}`, MTFS, `Net revenue budget ${year(b.year)}`, b.amount);
  const moves = [...m.movements].sort((a, b) => a.reserveKey.localeCompare(b.reserveKey) || a.year - b.year);
  for (const mv of moves) {
    if (!mv.contribution.isZero())
      pounds(
        `mtfs.move.${mv.reserveKey}.${mv.year}.in`,
        MTFS,
        `${reserveLabel(mv.reserveKey)}: contribution ${year(mv.year)}`,
        mv.contribution,
      );
    if (!mv.drawdown.isZero())
      pounds(
        `mtfs.move.${mv.reserveKey}.${mv.year}.out`,
        MTFS,
        `${reserveLabel(mv.reserveKey)}: drawdown ${year(mv.year)}`,
        mv.drawdown,
      );
  }
  return out;
}

export interface ScenarioDifference {
  key: string;
  model: string;
  label: string;
  /** The display value in each scenario; null where the input is absent from it (e.g. no such item). */
  a: string | null;
  b: string | null;
}

/** A commitment in one line, for a comparison where the other scenario does not have it. */
function commitmentSummary(c: ScenarioInputs['roadCasualty']['commitments'][number]): string {
  const kind = c.kind === 'one-off-capital' ? 'one-off capital' : 'recurrent revenue';
  const span =
    c.kind === 'recurrent-revenue'
      ? c.years === null
        ? `from ${year(c.firstYear)} to the end of the horizon`
        : `from ${year(c.firstYear)} for ${c.years} year${c.years === 1 ? '' : 's'}`
      : `in ${year(c.firstYear)}`;
  return `${exactThousands(c.amount)}, ${c.status}, ${kind}, ${span}`;
}

/**
 * The inputs that differ between two scenarios: A's order first, then what only B has. A commitment in one
 * scenario and not the other is one difference (named, with its amount, status, kind and years), not one
 * per field; a commitment in both is compared field by field.
 */
export function compareScenarios(
  a: ScenarioInputs,
  b: ScenarioInputs,
  reserveLabel?: (key: string) => string,
): ScenarioDifference[] {
  type Commitment = ScenarioInputs['roadCasualty']['commitments'][number];
  const aCommitments = new Map(a.roadCasualty.commitments.map((c) => [c.id, c]));
  const bCommitments = new Map(b.roadCasualty.commitments.map((c) => [c.id, c]));
  const diffs: ScenarioDifference[] = [];
  const done = new Set<string>();
  /**
   * If `key` is a field of a commitment that `mine` has and `theirs` lacks, the whole commitment is one
   * difference (added once, on its first field) and true is returned; otherwise false.
   */
  const asOneCommitment = (
    key: string,
    mine: Map<string, Commitment>,
    theirs: Map<string, Commitment>,
    side: 'a' | 'b',
  ) => {
    const id = /^rc\.commitment\.(.+)\.(label|amount|status|kind|first-year|years)$/.exec(key)?.[1];
    const c = id === undefined || theirs.has(id) ? undefined : mine.get(id);
    if (id === undefined || c === undefined) return false;
    if (!done.has(id)) {
      done.add(id);
      const summary = commitmentSummary(c);
      diffs.push({
        key: `rc.commitment.${id}`,
        model: 'Road Casualty Reserve',
        label: `Commitment: ${c.label}`,
        a: side === 'a' ? summary : null,
        b: side === 'b' ? summary : null,
      });
    }
    return true;
  };
  const left = scenarioEntries(a, reserveLabel);
  const right = scenarioEntries(b, reserveLabel);
  const rightByKey = new Map(right.map((e) => [e.key, e]));
  const leftKeys = new Set(left.map((e) => e.key));
  for (const e of left) {
    if (asOneCommitment(e.key, aCommitments, bCommitments, 'a')) continue;
    const other = rightByKey.get(e.key);
    if (!other || other.exact !== e.exact)
      diffs.push({ key: e.key, model: e.model, label: e.label, a: e.display, b: other?.display ?? null });
  }
  for (const e of right) {
    if (leftKeys.has(e.key) || asOneCommitment(e.key, bCommitments, aCommitments, 'b')) continue;
    diffs.push({ key: e.key, model: e.model, label: e.label, a: null, b: e.display });
  }
  return diffs;
}
