import { Money, parseAmount, ZERO, type AmountErrorCode } from '../../domain/core/money';
import type { Issue, Result } from '../../domain/core/result';
import { toThousands } from '../../domain/core/units';
import type { BudgetYear, MtfsInput, PlannedMovement, ReservesPosition } from '../../domain/reserves/mtfs-planner';
import {
  PAPER_FIRST_YEAR,
  paperRoadCasualtyInput,
  TABLE_5_CLOSING_2017_18,
} from '../../domain/papers/paper-2019-road-casualty';
import { formatFinancialYear } from '../../domain/core/period';
import { horizonYears } from '../../domain/reserves/reserve-projection';
import {
  INFLOW_CASE_IDS,
  type Commitment,
  type CommitmentKind,
  type CommitmentStatus,
  type InflowCase,
  type InflowCaseId,
  type InflowSource,
  type RoadCasualtyInput,
  findRoadCasualtyReserve,
} from '../../domain/reserves/road-casualty-reserve';
import type { ScenarioInputs } from '../../domain/scenarios/scenario';

/*
 * The inputs as the user types them: text in £'000 (and percent), so that a half-typed figure is never
 * silently read as something else. parseRoadCasualtyForm / parseMtfsForm turn the text into model inputs
 * (pounds, exact) or say, field by field, what cannot be read; formFromInputs goes the other way, exactly.
 */

export interface InflowCaseForm {
  mode: 'direct' | 'ctc';
  /** £'000 a year. */
  amount: string;
  /** £'000 a year, the three forces' CTC unit surplus. */
  ctcSurplus: string;
  /** Percent. */
  nreShare: string;
  /** £'000 by financial year start; '' or absent = the yearly amount. */
  overrides: Readonly<Record<string, string>>;
}

export interface CommitmentForm {
  id: string;
  label: string;
  /** £'000. */
  amount: string;
  status: CommitmentStatus;
  kind: CommitmentKind;
  firstYear: number;
  /** Recurrent items: a number of years, or '' for every year to the end of the horizon. */
  years: string;
}

export interface RoadCasualtyForm {
  opening: string;
  firstYear: number;
  horizon: number;
  toApply: string;
  toApplyYear: number;
  floor: string;
  cases: Readonly<Record<InflowCaseId, InflowCaseForm>>;
  commitments: readonly CommitmentForm[];
}

export interface MovementForm {
  contribution: string;
  drawdown: string;
}

export interface MtfsForm {
  firstYear: number;
  horizon: number;
  /** Percent. */
  floorPercent: string;
  /** £'000 by financial year start. */
  nrb: Readonly<Record<string, string>>;
  /** £'000 by `${reserveKey}|${year}`; '' = none. */
  movements: Readonly<Record<string, MovementForm>>;
}

export interface ScenarioForm {
  roadCasualty: RoadCasualtyForm;
  mtfs: MtfsForm;
}

export type FieldIssueCode =
  AmountErrorCode | 'missing' | 'negative' | 'not-a-percentage' | 'over-100' | 'no-name' | 'not-whole-years';

export interface FieldIssue extends Issue<FieldIssueCode> {
  /** The id of the input it is about (so the message can point at it and link to it). */
  readonly field: string;
}

export type Parsed<T> = Result<T, FieldIssue>;

/** The MTFS 2018/19 to 2021/22 (Table 5's paragraph 7.1): four years. */
const DEFAULT_MTFS_HORIZON = 4;
/** A common minimum for the general reserve in PCC reserves strategies; the papers give none. */
const DEFAULT_GENERAL_RESERVE_FLOOR_PERCENT = new Money(3);

const fy = (year: number): string => formatFinancialYear({ startYear: year });

export const movementKey = (reserveKey: string, year: number): string => `${reserveKey}|${year}`;

/**
 * One amount typed into one line of a reserve (its contribution or its drawdown) for every year from `from`
 * to `to`, both included and in either order: "£2m a year from 2019/20 to 2021/22" in one action. The text is
 * kept as typed (it is read, and any mistake named, with the rest of the form); the reserve's other line
 * and its other years are left as they were.
 */
export function fillAcross(
  form: MtfsForm,
  reserveKey: string,
  part: 'in' | 'out',
  amount: string,
  from: number,
  to: number,
): MtfsForm {
  const movements = { ...form.movements };
  for (let year = Math.min(from, to); year <= Math.max(from, to); year++) {
    const k = movementKey(reserveKey, year);
    const current = movements[k] ?? { contribution: '', drawdown: '' };
    movements[k] = part === 'in' ? { ...current, contribution: amount } : { ...current, drawdown: amount };
  }
  return { ...form, movements };
}

// ---------------------------------------------------------------------------------------------------
// Field ids (one place, so inputs, messages and links agree)
// ---------------------------------------------------------------------------------------------------

export const fieldId = {
  opening: 'rc-opening',
  toApply: 'rc-to-apply',
  floor: 'rc-floor',
  caseAmount: (id: InflowCaseId) => `rc-case-${id}-amount`,
  caseCtc: (id: InflowCaseId) => `rc-case-${id}-ctc`,
  caseShare: (id: InflowCaseId) => `rc-case-${id}-share`,
  caseYear: (id: InflowCaseId, year: number) => `rc-case-${id}-year-${year}`,
  commitment: (id: string, part: 'label' | 'amount' | 'years') => `rc-commitment-${id}-${part}`,
  mtfsFloor: 'mtfs-floor',
  nrb: (year: number) => `mtfs-nrb-${year}`,
  movement: (reserveKey: string, year: number, part: 'in' | 'out') => `mtfs-move-${reserveKey}-${year}-${part}`,
};

// ---------------------------------------------------------------------------------------------------
// Model -> form
// ---------------------------------------------------------------------------------------------------

/** Pounds as £'000 text for an input, exact: 1,582,000 -> "1,582"; 99,500 -> "99.5"; negatives with "-". */
export function thousandsText(pounds: Money): string {
  const s = toThousands(pounds).toString();
  const negative = s.startsWith('-');
  const [whole = '0', fraction] = (negative ? s.slice(1) : s).split('.');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

function caseToForm(c: InflowCase): InflowCaseForm {
  const overrides = Object.fromEntries(c.overrides.map((o) => [String(o.year), thousandsText(o.amount)]));
  return c.source.kind === 'direct'
    ? { mode: 'direct', amount: thousandsText(c.source.amount), ctcSurplus: '', nreShare: '', overrides }
    : {
        mode: 'ctc',
        amount: '',
        ctcSurplus: thousandsText(c.source.ctcSurplus),
        nreShare: c.source.nreSharePercent.toString(),
        overrides,
      };
}

function roadCasualtyToForm(input: RoadCasualtyInput): RoadCasualtyForm {
  return {
    opening: thousandsText(input.openingBalance),
    firstYear: input.firstYear,
    horizon: input.horizonYears,
    toApply: thousandsText(input.toApply.amount),
    toApplyYear: input.toApply.year,
    floor: thousandsText(input.floor),
    cases: {
      low: caseToForm(input.inflowCases.low),
      central: caseToForm(input.inflowCases.central),
      high: caseToForm(input.inflowCases.high),
    },
    commitments: input.commitments.map((c) => ({
      id: c.id,
      label: c.label,
      amount: thousandsText(c.amount),
      status: c.status,
      kind: c.kind,
      firstYear: c.firstYear,
      years: c.kind === 'one-off-capital' || c.years === null ? '' : String(c.years),
    })),
  };
}

function mtfsToForm(input: MtfsInput): MtfsForm {
  const movements: Record<string, MovementForm> = {};
  for (const m of input.movements) {
    movements[movementKey(m.reserveKey, m.year)] = {
      contribution: m.contribution.isZero() ? '' : thousandsText(m.contribution),
      drawdown: m.drawdown.isZero() ? '' : thousandsText(m.drawdown),
    };
  }
  return {
    firstYear: input.firstYear,
    horizon: input.horizonYears,
    floorPercent: input.generalReserveFloorPercent.toString(),
    nrb: Object.fromEntries(input.netRevenueBudget.map((b) => [String(b.year), thousandsText(b.amount)])),
    movements,
  };
}

export function formFromInputs(inputs: ScenarioInputs): ScenarioForm {
  return { roadCasualty: roadCasualtyToForm(inputs.roadCasualty), mtfs: mtfsToForm(inputs.mtfs) };
}

/**
 * The default inputs: the April 2019 paper's Road Casualty case opening at the fund's closing balance in
 * the loaded position (Table 5: £1,582k), and an MTFS plan with no movements yet over 2018/19-2021/22,
 * each year's net revenue budget held at the loaded year's (Table 1: £130,959k) until the user enters the
 * MTFS figures.
 */
export function defaultInputs(position: ReservesPosition, budget: Money | null): ScenarioInputs {
  const fund = findRoadCasualtyReserve(position.reserves);
  const firstYear = position.actualYear + 1;
  const rc = paperRoadCasualtyInput(fund?.closing ?? TABLE_5_CLOSING_2017_18);
  return {
    // The paper of 4 April 2019 (its balance to apply, its commitments, the floor they imply) is the default
    // for 2017/18 only: any other year opens at its own closing balance with no commitments until they are added.
    roadCasualty:
      firstYear === PAPER_FIRST_YEAR
        ? rc
        : {
            ...rc,
            openingBalance: fund?.closing ?? ZERO,
            firstYear,
            toApply: { amount: ZERO, year: firstYear },
            commitments: [],
            floor: ZERO,
          },
    mtfs: {
      firstYear,
      horizonYears: DEFAULT_MTFS_HORIZON,
      netRevenueBudget:
        budget === null ? [] : horizonYears(firstYear, DEFAULT_MTFS_HORIZON).map((year) => ({ year, amount: budget })),
      generalReserveFloorPercent: DEFAULT_GENERAL_RESERVE_FLOOR_PERCENT,
      movements: [],
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Form -> model
// ---------------------------------------------------------------------------------------------------

interface AmountRule {
  /** Blank means nil (grids of optional figures) rather than "please enter a figure". */
  blankIsNil?: boolean;
  allowNegative?: boolean;
}

class FieldReader {
  readonly issues: FieldIssue[] = [];
  /** £'000 text to pounds. */
  thousands(text: string, field: string, name: string, rule: AmountRule = {}): Money {
    const r = parseAmount(text, { scale: 'thousands' });
    if (!r.ok) {
      for (const i of r.issues) this.issues.push({ field, code: i.code, message: `${name}: ${i.message}` });
      return ZERO;
    }
    const amount = r.value.amount;
    if (amount === null) {
      if (rule.blankIsNil) return ZERO;
      this.issues.push({ field, code: 'missing', message: `${name}: enter an amount in £'000 (0 for none)` });
      return ZERO;
    }
    if (amount.isNegative() && !rule.allowNegative) {
      this.issues.push({ field, code: 'negative', message: `${name}: cannot be negative` });
      return ZERO;
    }
    return amount;
  }
  percent(text: string, field: string, name: string): Money {
    const s = text.trim().replace(/%$/, '').trim();
    if (!/^\d+(\.\d+)?$/.test(s)) {
      this.issues.push({ field, code: 'not-a-percentage', message: `${name}: enter a percentage such as 3 or 34.5` });
      return ZERO;
    }
    const v = new Money(s);
    if (v.greaterThan(100)) this.issues.push({ field, code: 'over-100', message: `${name}: cannot be more than 100%` });
    return v;
  }
}

const CASE_NAME: Readonly<Record<InflowCaseId, string>> = {
  low: 'Low case',
  central: 'Central case',
  high: 'High case',
};

export function parseRoadCasualtyForm(form: RoadCasualtyForm): Parsed<RoadCasualtyInput> {
  const r = new FieldReader();
  const years = horizonYears(form.firstYear, form.horizon);
  const inflowCase = (id: InflowCaseId): InflowCase => {
    const c = form.cases[id];
    const source: InflowSource =
      c.mode === 'direct'
        ? { kind: 'direct', amount: r.thousands(c.amount, fieldId.caseAmount(id), `${CASE_NAME[id]} yearly inflow`) }
        : {
            kind: 'ctc-share',
            ctcSurplus: r.thousands(c.ctcSurplus, fieldId.caseCtc(id), `${CASE_NAME[id]} CTC unit surplus`),
            nreSharePercent: r.percent(c.nreShare, fieldId.caseShare(id), `${CASE_NAME[id]} NRE share`),
          };
    const overrides = years
      .filter((y) => (c.overrides[String(y)] ?? '').trim() !== '')
      .map((year) => ({
        year,
        amount: r.thousands(
          c.overrides[String(year)] ?? '',
          fieldId.caseYear(id, year),
          `${CASE_NAME[id]} inflow in ${fy(year)}`,
        ),
      }));
    return { id, source, overrides };
  };
  const commitments = form.commitments.map((c): Commitment => {
    const name = c.label.trim() || 'A commitment';
    if (c.label.trim() === '')
      r.issues.push({
        field: fieldId.commitment(c.id, 'label'),
        code: 'no-name',
        message: 'A commitment needs a name',
      });
    let years: number | null = null;
    if (c.kind === 'recurrent-revenue' && c.years.trim() !== '') {
      const n = Number(c.years.trim());
      if (!/^\d+$/.test(c.years.trim()) || n < 1)
        r.issues.push({
          field: fieldId.commitment(c.id, 'years'),
          code: 'not-whole-years',
          message: `${name}: the number of years must be a whole number from 1 (or blank for every year)`,
        });
      else years = n;
    }
    return {
      id: c.id,
      label: c.label.trim(),
      amount: r.thousands(c.amount, fieldId.commitment(c.id, 'amount'), name),
      status: c.status,
      kind: c.kind,
      firstYear: c.firstYear,
      years: c.kind === 'one-off-capital' ? 1 : years,
    };
  });
  const value: RoadCasualtyInput = {
    openingBalance: r.thousands(form.opening, fieldId.opening, 'Opening balance', { allowNegative: true }),
    firstYear: form.firstYear,
    horizonYears: form.horizon,
    toApply: {
      amount: r.thousands(form.toApply, fieldId.toApply, 'Expenditure yet to be applied'),
      year: form.toApplyYear,
    },
    inflowCases: Object.fromEntries(INFLOW_CASE_IDS.map((id) => [id, inflowCase(id)])) as Record<
      InflowCaseId,
      InflowCase
    >,
    commitments,
    floor: r.thousands(form.floor, fieldId.floor, 'Floor', { allowNegative: true }),
  };
  return r.issues.length > 0 ? { ok: false, issues: r.issues } : { ok: true, value };
}

/** `reserves` are the loaded reserves, in the order the grid shows them. */
export function parseMtfsForm(form: MtfsForm, reserves: readonly { key: string; label: string }[]): Parsed<MtfsInput> {
  const r = new FieldReader();
  const years = horizonYears(form.firstYear, form.horizon);
  const netRevenueBudget: BudgetYear[] = years.flatMap((year) => {
    const text = form.nrb[String(year)] ?? '';
    if (text.trim() === '') return [];
    return [{ year, amount: r.thousands(text, fieldId.nrb(year), `Net revenue budget ${fy(year)}`) }];
  });
  const movements: PlannedMovement[] = [];
  for (const reserve of reserves) {
    for (const year of years) {
      const m = form.movements[movementKey(reserve.key, year)];
      if (!m) continue;
      const label = `${reserve.label} ${fy(year)}`;
      const contribution = r.thousands(
        m.contribution,
        fieldId.movement(reserve.key, year, 'in'),
        `${label} contribution`,
        { blankIsNil: true },
      );
      const drawdown = r.thousands(m.drawdown, fieldId.movement(reserve.key, year, 'out'), `${label} drawdown`, {
        blankIsNil: true,
      });
      if (!contribution.isZero() || !drawdown.isZero())
        movements.push({ reserveKey: reserve.key, year, contribution, drawdown });
    }
  }
  const value: MtfsInput = {
    firstYear: form.firstYear,
    horizonYears: form.horizon,
    netRevenueBudget,
    generalReserveFloorPercent: r.percent(form.floorPercent, fieldId.mtfsFloor, 'General reserve policy floor'),
    movements,
  };
  return r.issues.length > 0 ? { ok: false, issues: r.issues } : { ok: true, value };
}
