import { memo } from 'react';
import { ChooseFile } from './choose-file';
import { DatasetsList } from './datasets-list';
import { DisplacedQuestion } from './displaced-question';
import { ImportProgress } from './import-progress';
import { MappingStep } from './mapping-step';
import { OrganisationForm } from './organisation-form';
import { ReceiptView } from './receipt-view';
import { SetAsideList } from './set-aside-list';
import { useImportFlow } from '../../api/use-import-flow';
import { useOtherTabImports } from '../../api/cross-tab';

/** Bring files in: every row accounted for, the evidence kept. */
export function ImportPage() {
  const flow = useImportFlow();
  const others = useOtherTabImports();
  const { step } = flow;
  return (
    <>
      <h2>Import</h2>
      <p className="lede">
        Load a ledger export or a budget, outturn, capital, reserves or carry-forward file. Outturn finds the header,
        reads every row, and gives you a receipt: rows read, accepted, rejected (with row, column and reason) and
        skipped, and control totals you can tie to the ledger.
      </p>
      {others.map((o) => (
        <p key={o.id} className="note" role="status">
          Another tab is importing <strong>{o.fileName}</strong>. You can import here too: each import keeps to its own
          rows, and both are listed here when they finish.
        </p>
      ))}
      {step.name === 'choose' && <ChooseFile onFile={(f) => void flow.choose(f)} onChoosing={flow.getReady} />}
      {step.name === 'scanning' && (
        <ImportProgress label="Checking" fileName={step.file.name} progress={step.progress} onCancel={flow.reset} />
      )}
      {step.name === 'duplicate' && (
        <section className="panel" role="alertdialog" aria-labelledby="duplicate-title">
          <h3 id="duplicate-title">{step.file.name} has been imported before</h3>
          <p>
            The same bytes (SHA-256 {step.scan.sha256.slice(0, 12)}…) were imported as{' '}
            {step.scan.duplicates.map((d) => `${d.name} on ${d.createdAt.slice(0, 10)}`).join(' and ')}. Import them
            again as a separate dataset?
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void flow.acceptDuplicate()}>
              Import again
            </button>
            <button type="button" onClick={flow.reset}>
              Do not import
            </button>
          </div>
        </section>
      )}
      {step.name === 'mapping' && (
        <MappingStep
          preview={step.preview}
          profile={step.profile}
          onChange={(c) => void flow.rechoose(c)}
          onImport={(name) => void flow.start(name)}
          onCancel={flow.reset}
        />
      )}
      {step.name === 'importing' && (
        <ImportProgress label="Importing" fileName={step.file.name} progress={step.progress} onCancel={flow.cancel} />
      )}
      {step.name === 'done' && (
        <>
          <DisplacedQuestion key={step.meta.id} meta={step.meta} displaced={step.displaced} />
          <ReceiptView receipt={step.receipt} />
          <button type="button" className="primary" onClick={flow.reset}>
            Import another file
          </button>
        </>
      )}
      {step.name === 'failed' && (
        <section className="panel">
          <p role="alert" className="error">
            {step.message}
          </p>
          <button type="button" onClick={flow.reset}>
            Choose another file
          </button>
        </section>
      )}
      <StoredData />
    </>
  );
}

/**
 * What this browser keeps, below the import's own steps. Memoised: it has no props, so it is drawn again when what it
 * reads changes, not at each of an import's progress messages (up to ten a second), each of which drew the whole list
 * of datasets again on the page's thread (a task of 15 ms a message with the sample's 27 datasets, 46 ms at a third of
 * the speed; bench/README.md, the twentieth stop).
 */
const StoredData = memo(function StoredData() {
  return (
    <>
      <DatasetsList />
      <SetAsideList />
      <OrganisationForm />
    </>
  );
});
