import { fromPence, pence, type Pounds } from '../domain/core/units';
import type { BudgetLineInput, CarryForwardInput, ReturnLineInput } from '../domain/revenue/revenue-model';
import type { ImportPlan } from '../import/import-plan';
import type { StoredChunk } from '../import/stored-chunk';

/*
 * Stored datasets (columnar chunks, as the import pipeline keeps them) turned into the revenue model's
 * inputs. Amounts come from the chunks' integer pence (NaN = a blank cell, which stays null: missing is
 * not nil); codes and names from the raw text, so leading zeros survive. Pure: the same code reads chunks
 * from IndexedDB in the browser and from an import run in Node (the tests).
 */

export interface StoredDataset {
  id: string;
  name: string;
  plan: ImportPlan;
  chunks: readonly StoredChunk[];
}

function reader(plan: ImportPlan, chunk: StoredChunk) {
  const text = (key: string, i: number): string => {
    const column = plan.mapping[key];
    return column === null || column === undefined ? '' : (chunk.raw[column]?.[i] ?? '').trim();
  };
  const money = (key: string, i: number): Pounds | null => {
    // The chunk's typed array holds pence as plain numbers (NaN = blank); a cell read from it is branded here, where it leaves.
    const cell = chunk.pence[key]?.[i];
    return cell === undefined || Number.isNaN(cell) ? null : fromPence(pence(cell));
  };
  const period = (i: number): number | null => (chunk.periods[i] ? chunk.periods[i] : null);
  const year = (i: number): number | null => chunk.dates['year']?.[i] || null;
  return { text, money, period, year };
}

function rows<T>(dataset: StoredDataset, build: (r: ReturnType<typeof reader>, i: number) => T | null): T[] {
  const out: T[] = [];
  for (const chunk of dataset.chunks) {
    const r = reader(dataset.plan, chunk);
    for (let i = 0; i < chunk.rowCount; i++) {
      const row = build(r, i);
      if (row !== null) out.push(row);
    }
  }
  return out;
}

/** A budget file's rows (one per cost centre and subjective, or per period where phased). */
export function budgetLinesOf(dataset: StoredDataset): BudgetLineInput[] {
  return rows(dataset, (r, i) => ({
    year: r.year(i),
    costCentre: r.text('costCentre', i),
    costCentreName: r.text('costCentreName', i),
    area: r.text('area', i),
    subjective: r.text('subjective', i),
    subjectiveName: r.text('subjectiveName', i),
    period: r.period(i),
    original: r.money('original', i),
    revised: r.money('revised', i),
    amount: r.money('amount', i),
  }));
}

/** A monitoring return's rows; rows without a period are left out (a return is as at a month). */
export function returnLinesOf(dataset: StoredDataset): ReturnLineInput[] {
  return rows(dataset, (r, i) => {
    const period = r.period(i);
    if (period === null) return null;
    return {
      year: r.year(i),
      period,
      costCentre: r.text('costCentre', i),
      subjective: r.text('subjective', i),
      area: r.text('area', i),
      budget: r.money('budget', i),
      actual: r.money('actual', i),
      forecast: r.money('forecast', i),
    };
  });
}

/** Carry-forward requests with an amount (a blank amount is no request). */
export function carryForwardsOf(dataset: StoredDataset): CarryForwardInput[] {
  return rows(dataset, (r, i) => {
    const amount = r.money('amount', i);
    if (amount === null) return null;
    return {
      description: r.text('description', i),
      department: r.text('department', i),
      category: r.text('category', i),
      amount,
    };
  });
}
