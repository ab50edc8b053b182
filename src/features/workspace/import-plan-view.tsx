import { DataTable } from '../../components/data-table';
import type { PlanAction, PlanItem } from '../../import/workspace-plan';

const ACTION: Readonly<Record<PlanAction, { icon: string; text: string; className: string }>> = {
  add: { icon: '+', text: 'Adds', className: 'badge-favourable' },
  replace: { icon: '⇄', text: 'Replaces', className: 'badge-check-rounding' },
  same: { icon: '=', text: 'No change', className: 'badge-on-budget' },
  refused: { icon: '✗', text: 'Refused', className: 'badge-adverse' },
};

export const canTake = (item: PlanItem): boolean => item.action === 'add' || item.action === 'replace';

/** The plan of an import: every change with a box to take it or leave it; no change is made until Apply. */
export function ImportPlanView({
  plan,
  chosen,
  onToggle,
}: {
  plan: readonly PlanItem[];
  chosen: ReadonlySet<string>;
  onToggle: (id: string, take: boolean) => void;
}) {
  return (
    <DataTable
      caption="What importing this file would change in this browser"
      columns={[
        { key: 'what', header: 'What', cell: (i: PlanItem) => i.label },
        {
          key: 'change',
          header: 'Change',
          cell: (i) => (
            <span className={`badge ${ACTION[i.action].className}`}>
              <span aria-hidden="true">{ACTION[i.action].icon}</span> {ACTION[i.action].text}
            </span>
          ),
        },
        {
          key: 'take',
          header: 'Take it?',
          cell: (i) =>
            canTake(i) ? (
              <label className="check">
                <input type="checkbox" checked={chosen.has(i.id)} onChange={(e) => onToggle(i.id, e.target.checked)} />{' '}
                Take <span className="visually-hidden">{i.label}</span>
              </label>
            ) : (
              '—'
            ),
        },
        { key: 'detail', header: 'Detail', note: true, cell: (i) => i.detail },
      ]}
      rows={plan}
      rowKey={(i) => i.id}
    />
  );
}
