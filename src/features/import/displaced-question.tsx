import { useState } from 'react';
import { useChooseDataset, useDatasets, type DatasetMeta } from '../../api/datasets';
import { describeDataset } from '../../api/dataset-status';
import { periodsText, roleNoun, slotText } from './periods-text';

interface Displaced {
  id: string;
  name: string;
  periods: number[];
}

/**
 * After an import that would take over what another dataset supplies (the same kind, year and month; a
 * ledger: the same periods), the question: use this file for them, or keep the other. Until answered the new
 * dataset is kept but does not count; nothing is replaced silently.
 */
export function DisplacedQuestion({ meta, displaced }: { meta: DatasetMeta; displaced: readonly Displaced[] }) {
  const choose = useChooseDataset();
  const stored = useDatasets().data;
  const [answer, setAnswer] = useState<'use' | 'keep' | null>(null);
  if (displaced.length === 0 || meta.year === null) return null;
  const year = meta.year;
  // A file imported again under the same name is told apart by when the other was imported.
  const named = (d: Displaced): string => {
    const when = stored?.find((s) => s.id === d.id)?.createdAt;
    return d.name === meta.name && when ? `${d.name} (imported ${when.slice(0, 10)})` : d.name;
  };
  const others = displaced.map(named).join(' and ');
  const { roleLabel, periods: covered } = describeDataset(meta);
  const ledger = meta.kind === 'ledger';

  let question: string;
  if (ledger) {
    const all = displaced.flatMap((d) => d.periods);
    const same = periodsText(all) === periodsText(covered);
    question = same
      ? `This file covers ${slotText(year, null)} ${periodsText(covered)}, which ${others} ${displaced.length === 1 ? 'supplies' : 'supply'} now. Use this file for them?`
      : `This file covers ${slotText(year, null)} ${periodsText(covered)}; ${displaced
          .map((d) => `${named(d)} supplies ${periodsText(d.periods)}`)
          .join(' and ')} now. Use this file for them?`;
  } else {
    question = `The ${slotText(year, meta.month)} ${roleNoun(roleLabel)} now comes from ${others}. Use this file for it instead?`;
  }

  return (
    <section className="panel displaced-question" aria-labelledby={`displaced-${meta.id}`}>
      <h3 id={`displaced-${meta.id}`}>Which file counts?</h3>
      <p>{question}</p>
      {answer === null && (
        <>
          <p className="note">
            Until you choose, {meta.name} is kept and listed below, but no page reads it
            {ledger ? ' for any of its periods' : ''}. Either way both receipts stay listed, and you can change this
            later in the list below.
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={choose.isPending}
              onClick={() => choose.mutate(meta.id, { onSuccess: () => setAnswer('use') })}
            >
              Use this file
            </button>
            <button type="button" onClick={() => setAnswer('keep')}>
              Keep {others}
            </button>
          </div>
        </>
      )}
      {answer === 'use' && (
        <p role="status">
          {meta.name} now counts{ledger ? ` for ${slotText(year, null)} ${periodsText(covered)}` : ''}. {others}{' '}
          {displaced.length === 1 ? 'stays' : 'stay'} listed, kept but not counting
          {ledger ? ' for those periods' : ''}.
        </p>
      )}
      {answer === 'keep' && (
        <p role="status">
          {others} still {displaced.length === 1 ? 'counts' : 'count'}. {meta.name} is kept and listed, not counting;
          choose it later in the list below if you need to.
        </p>
      )}
      {choose.error && (
        <p role="alert" className="error">
          {choose.error.message}
        </p>
      )}
    </section>
  );
}
