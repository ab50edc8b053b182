import { HowMade } from './how-made';

/*
 * The notes a transcriber left on a printed table's rows, said as a finance officer would: where the paper's
 * extract printed a label or a dash apart from its row, the figures were read with the row they line up with.
 * Behind a disclosure: they are how the figures were read, not what the board came for.
 */
const PLAIN: readonly [RegExp, string][] = [
  [
    /label printed apart from its figures in the extract \(placed by inference\)/gi,
    'the paper prints this name apart from its figures; they are read as its figures',
  ],
  [
    /label printed apart from its figures in the extract \(placed by inference;/gi,
    'the paper prints this name apart from its figures, which are read as its figures (',
  ],
  [/label placed by inference/gi, 'the paper prints this name apart from its figures; they are read as its figures'],
  [
    /the lone '-' cells of columns (.+?) placed on this total row by inference/gi,
    'the paper prints dashes in columns $1 apart from any row; they are read as this total’s',
  ],
  [
    /the lone printed 0 placed here by inference/gi,
    'the paper prints a lone 0 apart from any row; it is read as this line’s',
  ],
  [/Actual usage '-' placed here by inference/gi, 'a dash for usage printed apart from any row is read as this one’s'],
  [/\s*\(placed by inference\)/gi, ''],
];

/** A transcription note in plain words. */
export function plainNote(note: string): string {
  return PLAIN.reduce((text, [pattern, words]) => text.replace(pattern, words), note);
}

export function TranscriptionNotes({
  items,
  label,
}: {
  items: readonly { key: string; title: string; note: string }[];
  label: string;
}) {
  if (items.length === 0) return null;
  return (
    <HowMade title="How the paper’s figures were read">
      <ul className="table-footnote" aria-label={label}>
        {items.map((n) => (
          <li key={n.key}>
            <strong>{n.title}:</strong> {plainNote(n.note)}
          </li>
        ))}
      </ul>
    </HowMade>
  );
}
