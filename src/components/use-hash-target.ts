import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * The element named by the URL's #fragment, brought into view and focused once the page's data is there.
 * A client-side navigation does not scroll to a fragment (and CSS :target does not follow history.pushState),
 * so the page says when it is ready and gets the target id back to mark the row it names.
 */
export function useHashTarget(ready: boolean): string | null {
  const { hash } = useLocation();
  const target = hash.length > 1 ? decodeFragment(hash.slice(1)) : null;
  useEffect(() => {
    if (!ready || target === null) return;
    const element = document.getElementById(target);
    if (!element) return;
    // A row folded away (the checks that pass) is unfolded, or the link would lead nowhere visible.
    const folded = element.closest('details');
    if (folded && !folded.open) folded.open = true;
    // Focus moves to the row so that a keyboard or screen-reader user lands where the link pointed.
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
  }, [ready, target]);
  return target;
}

/** A fragment as text; one that is not valid percent-encoding (a mistyped or hostile link) is taken as it is. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
