import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Serves a build with `vite preview` on a port of its own for a bench, and waits until it answers. A server left
 * on the port (an earlier run stopped part-way) would be measured in place of `dist`: that is refused.
 */
export async function startPreview(port: number, dist: string): Promise<ChildProcess> {
  const base = `http://localhost:${port}`;
  const answers = await fetch(base).then(
    () => true,
    () => false,
  );
  if (answers) throw new Error(`Something already answers on ${base}: stop it, or pass another --port.`);
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--port', String(port), '--strictPort', '--outDir', dist],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return server;
}
