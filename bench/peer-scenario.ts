// The peer the import is held against (issue 16, point 1): papaparse alone in a worker, as a user could run it,
// over the same file in the same Chromium in the same hour. The machine's speed moves by half from one hour to
// the next (Node's bare parse of the bench's million rows: 1.35 s at its fastest, 2.4 s at its slowest), so the
// import's figure alone says little about the code; the two side by side say how far the import is from what a
// reader that checks nothing takes.
import { readFileSync } from 'node:fs';
import type { Profiles } from './profiles';

/** A page of its own, at an address no server answers (the bench fulfils it), so no app or CSP is in the way. */
const PEER_PAGE = 'http://peer.outturn.invalid/';

export interface PeerFigures {
  /** The file chosen (the input's change event) -> the rows parsed, back in the page (its clock). */
  totalMs: number;
  /** Inside the worker: `file.text()`, then `Papa.parse` of that text. */
  readMs: number;
  parseMs: number;
  rows: number;
}

/**
 * papaparse alone in a worker: `file.text()` then `Papa.parse(text)`, every row kept, nothing checked, hashed or
 * stored (the peer measured when the issue was written: 5.7 s against the import's 15.6 s).
 */
export async function peerScenario(browser: Profiles, file: string): Promise<PeerFigures> {
  const context = await browser.newContext();
  try {
    const papa = readFileSync('node_modules/papaparse/papaparse.min.js', 'utf8');
    await context.route(PEER_PAGE, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>peer</title><input type="file">' }),
    );
    const page = await context.newPage();
    await page.goto(PEER_PAGE);
    const worker = `${papa}
onmessage = async (e) => {
  const t0 = performance.now();
  const text = await e.data.text();
  const t1 = performance.now();
  const rows = Papa.parse(text).data;
  postMessage({ readMs: t1 - t0, parseMs: performance.now() - t1, rows: rows.length });
};`;
    // A string: tsx names the functions of a closure with a helper the page does not have.
    await page.evaluate(`(() => {
      const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(worker)}], { type: 'text/javascript' })));
      window.peerDone = new Promise((resolve) => {
        document.querySelector('input').addEventListener('change', (e) => {
          const t0 = performance.now();
          worker.onmessage = (m) => resolve({ ...m.data, totalMs: performance.now() - t0 });
          worker.postMessage(e.target.files[0]);
        });
      });
    })()`);
    await page.locator('input').setInputFiles(file);
    const figures = await page.evaluate<PeerFigures>('window.peerDone');
    // The peer's rows include the header and papaparse's empty last row, as Papa.parse gives them.
    return figures;
  } finally {
    await context.close();
  }
}
