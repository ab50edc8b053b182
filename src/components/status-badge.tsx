import type { VarianceDirection } from '../domain/checks/variance';
import type { CheckStatus } from '../domain/checks/casting';

// Status is carried by an icon and a word as well as a colour, so it reads in black and white
// and to a screen reader.
const DIRECTION = {
  adverse: { icon: '▲', text: 'Adverse' },
  favourable: { icon: '▼', text: 'Favourable' },
  'on-budget': { icon: '●', text: 'On budget' },
} as const;

export function DirectionBadge({ direction }: { direction: VarianceDirection }) {
  const { icon, text } = DIRECTION[direction];
  return (
    <span className={`badge badge-${direction}`}>
      <span aria-hidden="true">{icon}</span> {text}
    </span>
  );
}

const CHECK = {
  pass: { icon: '✓', text: 'Casts' },
  rounding: { icon: '≈', text: 'Rounding difference' },
  fail: { icon: '✗', text: 'Does not cast' },
  incomplete: { icon: '?', text: 'Cannot check: figure missing' },
} as const;

export function CheckBadge({ status }: { status: CheckStatus }) {
  const { icon, text } = CHECK[status];
  return (
    <span className={`badge badge-check-${status}`}>
      <span aria-hidden="true">{icon}</span> {text}
    </span>
  );
}

// The same four outcomes said of two files agreeing, rather than of a table adding up.
const TIE_OUT = {
  pass: { icon: '✓', text: 'Ties out' },
  rounding: { icon: '≈', text: 'Rounding difference' },
  fail: { icon: '✗', text: 'Does not tie out' },
  incomplete: { icon: '?', text: 'Cannot check: figure missing' },
} as const;

export function TieOutBadge({ status }: { status: CheckStatus }) {
  const { icon, text } = TIE_OUT[status];
  return (
    <span className={`badge badge-check-${status}`}>
      <span aria-hidden="true">{icon}</span> {text}
    </span>
  );
}

const RAG = {
  red: { icon: '▲', text: 'Red' },
  amber: { icon: '◆', text: 'Amber' },
  green: { icon: '●', text: 'Green' },
} as const;

const DIRECTION_WORD: Record<VarianceDirection, string> = {
  adverse: 'adverse',
  favourable: 'favourable',
  'on-budget': 'on budget',
};

/** A RAG status: icon, the word and the variance's direction, as well as colour ("▲ Red, adverse"). */
export function RagBadge({ rag, direction }: { rag: 'red' | 'amber' | 'green'; direction: VarianceDirection }) {
  const { icon, text } = RAG[rag];
  return (
    <span className={`badge badge-rag-${rag}`}>
      <span aria-hidden="true">{icon}</span> {text}, {DIRECTION_WORD[direction]}
    </span>
  );
}

/** A transfer to or from a reserve: a planned movement, shown without a status ("⇄ Reserve transfer, not rated"). */
export function TransferBadge() {
  return (
    <span className="badge badge-transfer">
      <span aria-hidden="true">⇄</span> Reserve transfer, not rated
    </span>
  );
}
