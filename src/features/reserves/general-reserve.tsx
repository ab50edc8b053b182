import { formatPercent } from '../../domain/core/percent';
import { GENERAL_RESERVE_LINE, type GeneralReserveShare } from '../../domain/reserves/reserves-position';
import { Thousands } from '../../components/money-cell';

/** The general reserve against the net revenue budget, and which side of the 5% line it sits. */
export function GeneralReserve({
  share,
  yearLabel,
  closing,
}: {
  share: GeneralReserveShare;
  /** "2018/19" */
  yearLabel: string;
  /** "31 March 2019" */
  closing: string;
}) {
  const line = formatPercent(GENERAL_RESERVE_LINE, 0);
  return (
    <dl className="summary-figures">
      <div>
        <dt>General reserve at {closing} (£&rsquo;000)</dt>
        <dd>
          <Thousands value={share.balance} />
        </dd>
      </div>
      <div>
        <dt>Net revenue budget {yearLabel} (£&rsquo;000, the outturn summary)</dt>
        <dd>
          <Thousands value={share.netRevenueBudget} />
        </dd>
      </div>
      <div>
        <dt>General reserve as a share of the budget</dt>
        <dd>
          <strong>{formatPercent(share.percent)}</strong>
          {share.aboveLine === null
            ? ' (cannot be worked out: a figure is missing)'
            : share.aboveLine
              ? ` (above the ${line} line, where a justification is expected)`
              : ` (at or below the ${line} line)`}
        </dd>
      </div>
    </dl>
  );
}
