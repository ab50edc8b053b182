import './pager.css';
import { formatCount } from './format-count';

interface Props {
  /** What is paged, plural ("lines"): said in the position and the buttons' names. */
  noun: string;
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
  /** The list being read again (a page, a sort, a search): the buttons wait. */
  busy?: boolean;
}

/**
 * Pages of a long list: where the reader is ("Lines 101 to 200 of 22,827") and buttons to the first, previous,
 * next and last page. Buttons, so Tab and Enter work; one that leads nowhere is disabled.
 */
export function Pager({ noun, offset, limit, total, onOffset, busy = false }: Props) {
  if (total <= limit) return null;
  const last = Math.floor((total - 1) / limit) * limit;
  const first = offset + 1;
  const end = Math.min(offset + limit, total);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const button = (label: string, name: string, to: number, disabled: boolean) => (
    <button type="button" aria-label={name} disabled={disabled || busy} onClick={() => onOffset(to)}>
      {label}
    </button>
  );
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      {button('« First', `First page of ${noun}`, 0, offset === 0)}
      {button('‹ Previous', `Previous page of ${noun}`, Math.max(0, offset - limit), offset === 0)}
      <span className="pager-position">
        {Noun} {formatCount(first)} to {formatCount(end)} of {formatCount(total)}
      </span>
      {button('Next ›', `Next page of ${noun}`, Math.min(last, offset + limit), offset >= last)}
      {button('Last »', `Last page of ${noun}`, last, offset >= last)}
    </nav>
  );
}
