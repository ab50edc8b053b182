// The policy in index.html is the one vite.config.ts enforces (the build writes the constant into the page):
// the two must not drift apart, and the policy must stay as tight as "no request leaves the origin" (ARCHITECTURE.md) needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';

describe('Content-Security-Policy', () => {
  it('index.html carries the same policy as vite.config.ts', () => {
    const html = readFileSync(join(import.meta.dirname, '../../index.html'), 'utf8');
    expect(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/>/.exec(html)?.[1]).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it('allows the app its own origin and nothing else: no inline script, no eval, no other host', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0] ?? '', d.split(' ').slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    // WebAssembly may be compiled (the import's SHA-256, hash-wasm); JavaScript eval may not.
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    for (const sources of Object.values(directives)) {
      for (const source of sources) expect(["'self'", "'none'", 'data:', "'wasm-unsafe-eval'"]).toContain(source);
    }
  });
});
