/*
 * The scale and the reference labels of the projection charts, worked out before drawing (numbers for
 * drawing only): round, evenly spaced ticks (steps of 1, 2 or 5 times a power of ten) that take in every
 * value and every reference line, and where each reference line's label sits so that no two labels print
 * over each other and none sits on a line of the data (they are written in the margin right of the plot).
 */

export interface Scale {
  domain: [number, number];
  ticks: number[];
}

const STEPS = [1, 2, 5, 10];

/** The smallest round step (1, 2 or 5 x 10^n) that covers `span` in at most `count` intervals. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.find((s) => s * power >= raw - 1e-12) ?? 10;
  return step * power;
}

/**
 * Ticks for `values` (the series and the reference lines; non-finite values ignored): at most about
 * `count` intervals, each a round step, from a multiple of the step at or below the least value to one at
 * or above the greatest. Zero is always a tick when the values straddle it (it is a multiple of the step).
 */
export function niceScale(values: readonly number[], count = 5): Scale {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { domain: [0, 1], ticks: [0, 1] };
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (min === max) {
    // One value: a step either side of it (or 0 to it), so that the line is not drawn on the frame.
    if (min === 0) max = 1;
    else if (min > 0) min = 0;
    else max = 0;
  }
  const step = niceStep(max - min, count);
  const low = Math.floor(min / step + 1e-9) * step;
  const high = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's decimals so that 0.1 + 0.2 draws as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let i = 0; low + i * step <= high + step / 2; i++) ticks.push(Number((low + i * step).toFixed(decimals)));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

export type LabelPlacement = 'above' | 'below';

/**
 * Where each reference line's label goes, in the right margin: the highest line's label above its line,
 * the others below theirs. Two labels then move apart from their lines (the upper one up, the lower one
 * down), so they never overlap however close the lines are; with three or more, the middle ones go below
 * and are a line's height apart only if their lines are. Returned in the order given.
 */
export function placeReferenceLabels(ys: readonly number[]): LabelPlacement[] {
  if (ys.length === 0) return [];
  const top = Math.max(...ys);
  const topIndex = ys.indexOf(top);
  return ys.map((_, i) => (i === topIndex ? 'above' : 'below'));
}
