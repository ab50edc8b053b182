import type { Money } from '../../domain/core/money';
import type { MtfsProjection } from '../../domain/reserves/mtfs-planner';
import { mtfsInShort, roadCasualtyInShort } from '../../domain/reserves/projections-in-short';
import type { CaseProjection } from '../../domain/reserves/road-casualty-reserve';

/**
 * The answer first: how long the Road Casualty Reserve and every reserve on the MTFS plan last, on the inputs as
 * they stand, one sentence each, at the top of the page. Each links to its model, where the working, the chart
 * and its table are. Null projections: the model's inputs cannot be read yet (the model says which).
 */
export function InShort({
  roadCasualty,
  mtfs,
}: {
  roadCasualty: { projections: readonly CaseProjection[]; floor: Money } | null;
  mtfs: { projection: MtfsProjection; floorPercent: Money } | null;
}) {
  return (
    <section className="in-short" aria-labelledby="in-short-heading">
      <h3 id="in-short-heading">How long the reserves last, on these inputs</h3>
      <ul>
        <li>
          {roadCasualty
            ? roadCasualtyInShort(roadCasualty.projections, roadCasualty.floor)
            : 'Road Casualty Reserve: some inputs cannot be read yet, so it is not projected.'}{' '}
          <a href="#rc-heading">The model</a>
        </li>
        <li>
          {mtfs
            ? mtfsInShort(mtfs.projection, mtfs.floorPercent)
            : 'MTFS plan: some inputs cannot be read yet, so it is not projected.'}{' '}
          <a href="#mtfs-heading">The plan</a>
        </li>
      </ul>
    </section>
  );
}
