import './presentation.css';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';

/*
 * Presentation mode: for sharing a screen before a paper is published. Every amount on every page is
 * hidden; percentages (indices), statuses, labels and the shapes of the charts stay. It is one switch for
 * the whole app (the header's toggle, aria-pressed), remembered in this browser (localStorage, read before
 * the first paint) so that a reload in front of an audience cannot show the figures.
 *
 * How figures are hidden, whatever page draws them: a masker watches the page and replaces the text of
 * every amount with a mask. An amount is (a) any sum of money written with a £ sign, anywhere (sentences,
 * tooltips, titles); (b) any number in a figure cell: an element with data-value (money-cell.tsx), a
 * numeric table cell (.num), a chart's axis ticks and tooltip. Numbers followed by % (indices), years
 * (2017/18) and codes (P12, C8010) are left. Input boxes for amounts (inputmode decimal or numeric) are
 * masked by CSS. Turning the mode off puts every text back exactly as it was.
 */

const STORAGE_KEY = 'outturn.presentation-mode';
export const MASK = '•••';

interface Presentation {
  on: boolean;
  setOn: (on: boolean) => void;
}

const PresentationContext = createContext<Presentation>({ on: false, setOn: () => undefined });

function readStored(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false; // storage refused (a private window): the mode simply starts off
  }
}

export function PresentationProvider({ children }: { children: ReactNode }) {
  const [on, setOnState] = useState(readStored);
  const setOn = useCallback((value: boolean) => {
    setOnState(value);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, value ? 'on' : 'off');
    } catch {
      // Not remembered; the switch still works for this page.
    }
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('presentation-mode', on);
  }, [on]);
  const value = useMemo(() => ({ on, setOn }), [on, setOn]);
  return <PresentationContext.Provider value={value}>{children}</PresentationContext.Provider>;
}

export function usePresentation(): Presentation {
  return useContext(PresentationContext);
}

/** The switch: a toggle button whose state is aria-pressed and its words. */
export function PresentationToggle() {
  const { on, setOn } = usePresentation();
  return (
    <button
      type="button"
      className={`presentation-toggle${on ? ' is-on' : ''}`}
      aria-pressed={on}
      onClick={() => setOn(!on)}
    >
      <span aria-hidden="true">{on ? '◉' : '○'}</span> Presentation mode{on ? ': figures hidden' : ''}
    </button>
  );
}

// A sum of money with a £ sign: £1,234.56, (£1,234), -£0.10m, £145k, £1.5bn.
const POUNDS = /[-−]?\(?£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn)\b)?\)?/g;
// Figures as the papers print them, wherever they are: 1,547 and (1,547) and -2,194 (thousands separators
// or brackets), never a count like "9 datasets" or a year.
const PRINTED = /[-−]?\(\d[\d,]*(?:\.\d+)?\)|[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?/g;
// Any number, in a figure: 1,547, (1,547), -2,194, 0, 12.5.
const NUMBER = /[-−]?\(?\d[\d,]*(?:\.\d+)?\)?/g;
// Where every number is a figure: money cells (data-value), numeric table cells, chart axes and tooltips,
// and the notes and sentences written about the figures.
const FIGURE_SCOPE = [
  '[data-value]',
  'td.num',
  '.recharts-cartesian-axis-tick-value',
  '.recharts-tooltip-wrapper',
  '.check-notes',
  '.check-note',
  'td.note',
  '.table-footnote',
  '.group-gap',
  '.detail-missing-note',
  '.chart-summary',
  '.pack-footnotes',
  '.pack-chart-summary',
  '.pack-text',
].join(', ');
// Counts (checks made, rows read) are not amounts, even in a numeric cell.
const COUNT_SCOPE = '[data-count]';

const inFigureScope = (element: Element | null): boolean =>
  (element?.closest(FIGURE_SCOPE) ?? null) !== null && element?.closest(COUNT_SCOPE) === null;

/** Whether a number in its text is not an amount: a percentage (an index), a year (2018, 2017/18) or a code (P12, C8010, £'000). */
function notAnAmount(token: string, before: string, after: string): boolean {
  if (
    after === '%' ||
    (after === '/' && /\d/.test(token)) ||
    before === '/' ||
    before === "'" ||
    /[A-Za-z]/.test(before)
  )
    return true;
  return /^(19|20|21)\d\d$/.test(token);
}

const masker = (pattern: RegExp) => (text: string) =>
  text.replace(pattern, (token, offset: number, whole: string) =>
    notAnAmount(token, whole[offset - 1] ?? '', whole[offset + token.length] ?? '') ? token : MASK,
  );

const maskPrinted = masker(PRINTED);
const maskNumbers = masker(NUMBER);

/** The text with every amount replaced by the mask. `inFigure`: every number counts as an amount. */
export function maskText(text: string, inFigure: boolean): string {
  const out = maskPrinted(text.replace(POUNDS, MASK));
  return inFigure ? maskNumbers(out) : out;
}

const MASKED_ATTRIBUTES = ['title', 'aria-label'] as const;

/**
 * Masks every amount under `root` and keeps masking what React draws later, until the returned function
 * is called: it stops watching and puts back every text and attribute it changed (unless the page has
 * changed it since).
 */
function maskFigures(root: HTMLElement): () => void {
  const texts = new Map<Text, { original: string; masked: string }>();
  const attributes = new Map<Element, Map<string, { original: string; masked: string }>>();

  const maskNode = (node: Text) => {
    const current = node.nodeValue ?? '';
    const known = texts.get(node);
    if (known && known.masked === current) return;
    const inFigure = inFigureScope(node.parentElement);
    const masked = maskText(current, inFigure);
    if (masked === current) {
      texts.delete(node);
      return;
    }
    texts.set(node, { original: current, masked });
    node.nodeValue = masked;
  };
  const maskAttributes = (element: Element) => {
    for (const name of MASKED_ATTRIBUTES) {
      const current = element.getAttribute(name);
      if (current === null) continue;
      const known = attributes.get(element)?.get(name);
      if (known && known.masked === current) continue;
      const masked = maskText(current, inFigureScope(element));
      if (masked === current) continue;
      if (!attributes.has(element)) attributes.set(element, new Map());
      attributes.get(element)!.set(name, { original: current, masked });
      element.setAttribute(name, masked);
    }
  };
  const maskTree = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      maskNode(node as Text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    maskAttributes(node as Element);
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) maskNode(n as Text);
      else maskAttributes(n as Element);
    }
  };

  maskTree(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') maskNode(r.target as Text);
      else if (r.type === 'attributes') maskAttributes(r.target as Element);
      else r.addedNodes.forEach(maskTree);
    }
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: [...MASKED_ATTRIBUTES],
  });

  return () => {
    observer.disconnect();
    for (const [node, { original, masked }] of texts) if (node.nodeValue === masked) node.nodeValue = original;
    for (const [element, names] of attributes) {
      for (const [name, { original, masked }] of names)
        if (element.getAttribute(name) === masked) element.setAttribute(name, original);
    }
  };
}

/** Masks the figures under `ref` while presentation mode is on (from before the first paint). */
export function usePresentationMask(ref: RefObject<HTMLElement | null>): void {
  const { on } = usePresentation();
  useLayoutEffect(() => {
    const root = ref.current;
    if (!on || !root) return undefined;
    return maskFigures(root);
  }, [on, ref]);
}
