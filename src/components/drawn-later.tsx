import { useDeferredValue, useEffect, type ReactNode } from 'react';

/**
 * Data drawn in a render React can pause between components (a deferred value, first shown as loading), not in one
 * task: a big ledger's year (the ledger checked against twelve returns, cost centre by cost centre) drew 160 ms of
 * tables at once, its chosen month's tables 60-75 ms (issue 16, point 3: no main-thread task over 50 ms). Give it a
 * `key` naming what the data is of (the year, the month): a new key starts from loading, so the figures of one year
 * or month are never drawn under another's while the new ones are drawn. `onShown`: called once the data's own
 * render is committed (not its loading), with the data drawn.
 */
export function DrawnLater<T>({
  data,
  children,
  onShown,
}: {
  data: T;
  children: (data: T) => ReactNode;
  onShown?: (data: T) => void;
}) {
  const shown = useDeferredValue<T | typeof NOT_YET>(data, NOT_YET);
  useEffect(() => {
    if (shown !== NOT_YET) onShown?.(shown);
  }, [shown, onShown]);
  return shown === NOT_YET ? <p role="status">Loading…</p> : <>{children(shown)}</>;
}

/** What is shown before the deferred render: never a value of the data's own. */
const NOT_YET: unique symbol = Symbol('not drawn yet');
