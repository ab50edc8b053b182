import { useId, useState, type DragEvent } from 'react';

/**
 * A file input with a drop zone; keyboard users get the ordinary file button. `onChoosing`: a person has started
 * choosing (the file dialog opened by click or keyboard, a file dragged over the zone), before the file comes.
 */
export function ChooseFile({ onFile, onChoosing }: { onFile: (file: File) => void; onChoosing?: () => void }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={`drop-zone${over ? ' drop-over' : ''}`}
      onDragEnter={onChoosing}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={id}>
        <strong>Choose a CSV file</strong> or an Excel workbook (ledger export, budget, outturn, capital programme,
        reserves or carry-forwards), or drop it here.
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,text/csv,text/plain"
        onClick={onChoosing}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      <p className="hint">The file is read here, in your browser; nothing is sent anywhere.</p>
    </div>
  );
}
