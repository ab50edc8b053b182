import { formatFinancialYear } from '../domain/core/period';
import { yearEnding, type AuthorityRowPlan } from './authority-returns';

/*
 * One MHCLG revenue return's rows as the import session reads them (authority-returns.ts says what the layout is):
 * each row is the chosen authority's, whose service columns become lines, or another's, skipped and counted with
 * why. Its own file so that the choosing and the counting are tested without a session; the session reads the
 * chosen row's lines as it reads any row (read-row.ts), so amounts, totals and the stored chunk are as for a file
 * of lines.
 */

/** A service cell that holds no figure: blank, or a statistics marker (.. or [x] not available, [z] not applicable). */
const NO_FIGURE = /^(\.\.|…|\[[a-z]+\]|x|z|n\/?a|:)?$/i;

export function noFigureReason(raw: string): string | null {
  const v = raw.trim();
  if (!NO_FIGURE.test(v)) return null;
  return v === ''
    ? 'The cell is blank: no figure for this service. The line was skipped, not read as nil'
    : `"${v}" marks no figure (a statistics marker: .. or [x] not available, [z] not applicable, [c] confidential). The line was skipped, not read as nil`;
}

/** A heading that names a total: "Total service expenditure", or a data item with a "tot" part (RS_totsx_net_exp). */
export function isTotalHeading(header: string): boolean {
  return /\btotal\b/i.test(header) || /(^|_)tot[a-z]*(_|$)/i.test(header);
}

/** What the receipt says of a return's conversion. */
export interface AuthorityRowSummary {
  layout: string;
  /** The authority as the user named it. */
  authority: string;
  /** The rows read as lines (one; or none, when no row is the authority's). */
  converted: { row: number; name: string; code: string }[];
  /** Service columns of each row, each read as a line. */
  services: number;
  /** The lines of the converted rows: accepted, rejected, and skipped (no figure, or a total by its shape). */
  lines: { accepted: number; rejected: number; skipped: number };
  noFigure: number;
  /** Rows of other authorities, and of this one in another year (the multi-year CSV), skipped. */
  otherRows: number;
  otherYears: number;
  /** The first of those rows, with why each was skipped. */
  skipped: { row: number; label: string; reason: string }[];
}

/** Rows skipped as other authorities' listed on the receipt; every one is counted. */
const LISTED = 500;

const normal = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

export class AuthorityLines {
  private readonly summary: AuthorityRowSummary;
  private readonly want: string;

  constructor(
    readonly plan: AuthorityRowPlan,
    private readonly year: number | null,
  ) {
    this.want = normal(plan.authority);
    this.summary = {
      layout: plan.layout,
      authority: plan.authority,
      converted: [],
      services: plan.services.length,
      lines: { accepted: 0, rejected: 0, skipped: 0 },
      noFigure: 0,
      otherRows: 0,
      otherYears: 0,
      skipped: [],
    };
  }

  /** The row's authority, as its lines name it. */
  label(cells: readonly string[]): string {
    const name = (cells[this.plan.nameColumn] ?? '').trim();
    return name !== '' ? name : (cells[this.plan.codeColumn] ?? '').trim();
  }

  /**
   * Whether a row is to be read as lines; otherwise counts it as skipped and says why: another authority's, or
   * this authority's in another year than the import's.
   */
  take(cells: readonly string[], row: number): boolean {
    const name = normal(cells[this.plan.nameColumn] ?? '');
    const code = this.plan.codeColumn >= 0 ? normal(cells[this.plan.codeColumn] ?? '') : '';
    const label = this.label(cells);
    if (name !== this.want && (code === '' || code !== this.want)) {
      this.summary.otherRows++;
      this.list(row, label, `not your authority (${this.plan.authority})`);
      return false;
    }
    const year = this.plan.yearColumn >= 0 ? yearEnding(cells[this.plan.yearColumn] ?? '') : null;
    if (this.year !== null && year !== null && year !== this.year) {
      this.summary.otherYears++;
      this.list(
        row,
        label,
        `your authority in ${formatFinancialYear({ startYear: year })}, not ${formatFinancialYear({ startYear: this.year })}, the year imported`,
      );
      return false;
    }
    return true;
  }

  /** A second row of the chosen authority (and year) is not read as lines again: its figures would count twice. */
  get done(): boolean {
    return this.summary.converted.length > 0;
  }

  converted(row: number, cells: readonly string[], lines: AuthorityRowSummary['lines'], noFigure: number): void {
    this.summary.converted.push({
      row,
      name: (cells[this.plan.nameColumn] ?? '').trim(),
      code: this.plan.codeColumn >= 0 ? (cells[this.plan.codeColumn] ?? '').trim() : '',
    });
    this.summary.lines = lines;
    this.summary.noFigure = noFigure;
  }

  private list(row: number, label: string, reason: string): void {
    if (this.summary.skipped.length < LISTED) this.summary.skipped.push({ row, label, reason });
  }

  result(): AuthorityRowSummary {
    return this.summary;
  }
}
