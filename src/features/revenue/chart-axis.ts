// Axis and tooltip labels for £'000 figures: thousands separators, brackets for negatives (as the tables).
const thousands = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const thousandsLabel = (v: number): string => (v < 0 ? `(${thousands.format(-v)})` : thousands.format(v));
