// The worker protocol, typed end to end: each kind of request gives its own reply, inferred from the request
// (no caller picks it). These are type-level checks: `npm run typecheck` fails if the protocol loses a type.
import { describe, expectTypeOf, it } from 'vitest';
import type { ImportReply, PreviewReply, ScanReply } from '../../../src/worker/import-jobs';
import type { JobMessage, JobRequest } from '../../../src/worker/messages';
import type { runJob } from '../../../src/worker/run-job';
import type { Job, startJob } from '../../../src/worker/worker-client';

declare const file: Blob;
declare const preview: JobRequest<'preview'>;
declare const imports: JobRequest<'import'>;
// Never called: only their types are looked at.
declare const start: typeof startJob;
declare const run: typeof runJob;

describe('the worker protocol', () => {
  it("infers each job's reply from its request", () => {
    expectTypeOf(() => start({ type: 'scan', name: 'a.csv', file })).returns.toEqualTypeOf<Job<ScanReply>>();
    expectTypeOf(() => start(preview)).returns.toEqualTypeOf<Job<PreviewReply>>();
    expectTypeOf(() => start(imports)).returns.toEqualTypeOf<Job<ImportReply>>();
    expectTypeOf(() => run({ type: 'scan', name: 'a.csv', file }, () => undefined)).returns.toEqualTypeOf<
      Promise<ScanReply>
    >();
    expectTypeOf(() => run(imports, () => undefined)).returns.toEqualTypeOf<Promise<ImportReply>>();
  });

  it('types the done message by kind, and refuses a request of another kind', () => {
    expectTypeOf<Extract<JobMessage<'preview'>, { type: 'done' }>['result']>().toEqualTypeOf<PreviewReply>();
    // @ts-expect-error: a scan job is not started with a preview's request
    expectTypeOf(() => start<'scan'>(preview)).toBeFunction();
    // @ts-expect-error: an import needs its plan and ids
    expectTypeOf(() => start({ type: 'import', name: 'a.csv', file })).toBeFunction();
  });
});
