/*
 * Does Chromium lose a pending read of a Blob's stream when a garbage collection runs and nothing reachable holds the
 * reader? `npx tsx bench/blob-stream-gc.ts [rounds]`.
 *
 * Why this exists: the import reads a File as a stream into buffers of its own (src/import/byte-sources.ts). Read so
 * at first, a million-row import stalled part-way in 6 bench runs of 10: both halves' workers waited on a read that
 * never settled, with no error and no crash. In a worker, the import's chain of awaits is reachable only from that
 * pending read, so a full collection may take the reader, the stream and the read with it. The app holds its readers
 * in a set while they read (`readersInUse`). This page reads half a file in each of two workers, as the import does,
 * with a collection forced every 3 ms (`--expose-gc`), the reader held by nothing or held in a set, and counts the
 * rounds whose reads never ended. If a later Chromium ends every round with the reader held by nothing, the set can go.
 *
 * A stalled round is one not done in 20 s (a read of 45 MB takes under one second here): a bench may wait so, a test
 * may not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/e2e/chromium';

const rounds = Number(process.argv[2] ?? 5);
const STALLED_AFTER_MS = 20_000;

const page = `<!doctype html><input type="file" id="file"><pre id="out"></pre><script>
const out = document.getElementById('out');
document.getElementById('file').onchange = (event) => {
  const file = event.target.files[0];
  for (const half of [file.slice(0, file.size >> 1), file.slice(file.size >> 1)]) {
    const worker = new Worker('worker.js');
    worker.onmessage = (m) => { out.textContent += m.data + '\\n'; };
    worker.postMessage({ half, held: location.hash === '#held' });
  }
};
</script>`;

// The import's reader (streamedPieces), cut to what matters here: three buffers in turn, a read pending at a time.
const worker = `
const readersInUse = new Set();
async function* pieces(blob, size, held) {
  const reader = blob.stream().getReader({ mode: 'byob' });
  if (held) readersInUse.add(reader);
  const buffers = [null, null, null];
  let turn = 0, ended = false;
  try {
    while (!ended) {
      let buffer = buffers[turn] ?? new ArrayBuffer(size), filled = 0;
      while (filled < size) {
        const r = await reader.read(new Uint8Array(buffer, filled, size - filled));
        if (r.value) buffer = r.value.buffer;
        if (r.done) { ended = true; break; }
        filled += r.value.byteLength;
      }
      buffers[turn] = buffer;
      turn = (turn + 1) % 3;
      if (filled > 0) yield new Uint8Array(buffer, 0, filled);
    }
  } finally {
    readersInUse.delete(reader);
    reader.releaseLock();
  }
}
onmessage = async (event) => {
  const { half, held } = event.data;
  setInterval(() => self.gc(), 3);
  let bytes = 0, garbage = [];
  for await (const piece of pieces(half, 4 << 20, held)) {
    bytes += piece.length;
    // Short-lived strings, as a parser makes.
    for (let i = 0; i < piece.length; i += 64) {
      garbage.push(String.fromCharCode(piece[i], piece[i + 1]) + i);
      if (garbage.length > 5000) garbage = [];
    }
  }
  postMessage('done ' + bytes);
};`;

// 90 MB of ledger-like lines (its contents do not matter, only that it is a File on disk, as a chosen file is).
mkdirSync('test-results', { recursive: true });
const file = 'test-results/blob-stream-gc.csv';
writeFileSync(file, 'Cost Centre,Subjective,Period,Amount\n' + 'CC1001,SUB2001,3,1234.56\n'.repeat(3_600_000));

const launch = chromiumLaunchOptions();
const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--js-flags=--expose-gc'] });
try {
  for (const held of [false, true]) {
    let stalled = 0;
    for (let round = 0; round < rounds; round++) {
      const tab = await browser.newPage();
      await tab.route('http://repro.test/**', (route) => {
        const script = route.request().url().endsWith('.js');
        return route.fulfill({ contentType: script ? 'text/javascript' : 'text/html', body: script ? worker : page });
      });
      await tab.goto(`http://repro.test/index.html${held ? '#held' : ''}`);
      await tab.setInputFiles('#file', file);
      const done = await tab
        .waitForFunction(() => (document.getElementById('out')?.textContent?.match(/done/g) ?? []).length === 2, null, {
          timeout: STALLED_AFTER_MS,
        })
        .then(() => true)
        .catch(() => false);
      if (!done) stalled++;
      await tab.close();
    }
    console.log(`reader ${held ? 'held in a set' : 'held by nothing'}: ${stalled} of ${rounds} rounds stalled`);
  }
} finally {
  await browser.close();
}
