// V8's sampling profiler as a Chromium trace records it (the `disabled-by-default-v8.cpu_profiler` category: one
// profile a thread, in chunks), summed by function for each thread that ran script: where a worker's time went, which
// a page's own profiler (the DevTools protocol's, of one target) does not see. `npm run bench:browser -- --trace`.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url?: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
  };
}

/** Each profiled thread's self time by function (the largest first), as lines of text. */
export function summariseTrace(path: string, top = 14): string[] {
  const { traceEvents } = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] };
  const threadNames = new Map<string, string>();
  for (const e of traceEvents)
    if (e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}/${e.tid}`, e.args.name);
  // A profile's nodes and samples come in chunks, all carrying the profile's id.
  const profiles = new Map<string, { thread: string; frames: Map<number, CallFrame>; self: Map<number, number> }>();
  for (const e of traceEvents) {
    if (e.name !== 'ProfileChunk' || e.id === undefined) continue;
    const key = `${e.pid}/${e.id}`;
    let p = profiles.get(key);
    if (!p) {
      p = { thread: threadNames.get(`${e.pid}/${e.tid}`) ?? `${e.pid}/${e.tid}`, frames: new Map(), self: new Map() };
      profiles.set(key, p);
    }
    const data = e.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) p.frames.set(node.id, node.callFrame);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    // A sample's time is the gap to the next sample (the next delta).
    for (let i = 0; i < samples.length; i++) {
      const dt = deltas[i + 1] ?? 0;
      p.self.set(samples[i]!, (p.self.get(samples[i]!) ?? 0) + dt);
    }
  }
  const lines: string[] = [];
  for (const p of profiles.values()) {
    const byFunction = new Map<string, number>();
    let busy = 0;
    for (const [id, us] of p.self) {
      const f = p.frames.get(id);
      const name = f ? `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop() ?? ''}`.trim() : '?';
      if (name === '(idle)' || name === '(program)') continue;
      byFunction.set(name, (byFunction.get(name) ?? 0) + us);
      busy += us;
    }
    if (busy < 50_000) continue; // a thread that hardly ran script
    const ms = (us: number): string => Math.round(us / 1000).toLocaleString('en-GB');
    lines.push(`${p.thread}: ${ms(busy)} ms of samples`);
    for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
      lines.push(`  ${ms(us).padStart(6)} ms  ${((100 * us) / busy).toFixed(1).padStart(4)}%  ${name}`);
  }
  return lines;
}
