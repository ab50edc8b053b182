import './table-download.css';
import { useId, type RefObject } from 'react';
import { csvFile, csvFileName } from '../import/csv-write';
import { downloadText } from './download';
import { usePresentation } from './presentation';
import { tableToCsv } from './table-csv';

/**
 * "Download CSV" under a table: the table as shown, with exact figures as numbers (table-csv.ts), a
 * byte-order mark and formulas defused (csv-write.ts). Off in presentation mode, when figures are hidden.
 */
export function TableDownload({
  tableRef,
  captionId,
}: {
  tableRef: RefObject<HTMLTableElement | null>;
  captionId: string;
}) {
  const { on: presenting } = usePresentation();
  const id = useId();
  const download = () => {
    const table = tableRef.current;
    if (!table) return;
    const { fields, rows } = tableToCsv(table);
    downloadText(csvFileName(table.caption?.textContent ?? ''), csvFile(fields, rows));
  };
  return (
    <button
      type="button"
      id={id}
      className="table-download"
      aria-labelledby={`${id} ${captionId}`}
      disabled={presenting}
      title={presenting ? 'Downloads are off in presentation mode' : undefined}
      onClick={download}
    >
      Download CSV
    </button>
  );
}
