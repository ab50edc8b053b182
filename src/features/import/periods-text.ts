import { yearLabel, monthLabel } from '../../api/year-choice';

/** Periods as runs: [1,2,3,4,5,6] "P1–P6"; [1,2,3,5] "P1–P3, P5"; [] "". */
export function periodsText(periods: readonly number[]): string {
  const sorted = [...new Set(periods)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = sorted[i]!;
    const last = sorted[j]!;
    runs.push(j === i ? `P${first}` : `P${first}–P${last}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** "a reserves position" -> "reserves position"; "a monthly monitoring return (by cost centre...)" -> "monthly monitoring return". */
export function roleNoun(roleLabel: string): string {
  return roleLabel.replace(/^(a|an) /, '').replace(/\s*\(.*\)$/, '');
}

/** "2018/19", "2018/19 P6 (September 2018)": where a dataset sits, in words. */
export function slotText(year: number, month: number | null): string {
  return month === null ? yearLabel(year) : `${yearLabel(year)} ${monthLabel(year, month)}`;
}
