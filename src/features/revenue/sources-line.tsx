import type { MonitoringData } from '../../api/revenue-monitoring';
import { yearLabel } from '../../api/year-choice';
import { formatThousands } from '../../domain/core/money';
import type { RevenueMonitor } from '../../domain/revenue/revenue-model';

const span = (periods: readonly number[]): string => {
  if (periods.length === 0) return 'none';
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  return first === last ? `P${first}` : `P${first}–P${last}`;
};

/** Where this month's figures come from, in words: which files, which periods, which profile. */
export function SourcesLine({ model, data }: { model: RevenueMonitor; data: MonitoringData }) {
  const monthly = model.closed.filter((p) => p <= 12);
  const ret = data.sources.returns.find((r) => r.period === model.month);
  const ledgers = data.sources.ledgers
    .filter((l) => l.periods.some((p) => p <= model.month))
    .map((l) => `${l.name}: ${span(l.periods)}`);
  const actual =
    model.actualSource === 'ledger'
      ? `from the ledger, summed exactly (${ledgers.join('; ')})`
      : model.actualSource === 'return'
        ? `from the P${model.month} return, because no loaded ledger has ${model.missingLedgerPeriods.map((p) => `P${p}`).join(', ')} (load that month's ledger export on the Import page to see the lines behind each actual)`
        : 'none: no ledger or return gives one';
  const profile =
    model.profile === 'return'
      ? "the return's budget, in even twelfths (no budget file is loaded)"
      : `${data.sources.budget ?? 'the budget file'}, ${model.profile === 'even' ? 'in even twelfths' : model.profile === 'phased' ? 'as phased by period' : 'in even twelfths except the lines phased by period'}`;
  return (
    <ul className="facts-line">
      <li>
        As at P{model.month}: {span(monthly)} closed{model.month === 12 ? ', with any year-end adjustment periods' : ''}
        ; later months have no actual yet.
      </li>
      <li>Actual to date: {actual}.</li>
      <li>Forecast outturn: {ret ? ret.name : 'no return for this month'}.</li>
      <li>Budget and budget to date: {profile}.</li>
      {data.sources.layout && (
        <li>
          Areas and lines: the board layout in {data.sources.layout.name}
          {data.sources.layout.carried
            ? `, ${yearLabel(data.sources.layout.year)}'s, carried forward (no layout of ${yearLabel(data.year)} is loaded)`
            : ''}
          .
        </li>
      )}
      {data.illustrative && data.year === 2017 && model.month === 12 && (
        <li>
          At P12 the area lines equal the paper&rsquo;s printed figures; the totals add those lines, so they differ
          where the paper&rsquo;s own totals do not cast (Table 1&rsquo;s total outturn, the Constabulary outturn, the
          OPCC budget).
        </li>
      )}
      {model.carryForwardsApplied && (
        <li>
          Year-end: the carry-forward requests ({data.sources.carryForwards}, £
          {formatThousands(model.root.carryForward)}k: the sum of its items) are included in the forecast of their
          areas, as the paper does (para 4.10).
          {model.unplacedCarryForwards.length > 0 &&
            ` Not placed in any area: ${model.unplacedCarryForwards.map((c) => c.description).join('; ')}.`}
        </li>
      )}
    </ul>
  );
}
