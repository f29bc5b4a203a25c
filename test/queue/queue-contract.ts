/**
 * The behaviour both queue backends promise, as one suite: each backend's test file runs it
 * against its own queue.
 */
import { describe, expect, it } from 'vitest';
import type { JobRequest, ReviewJobRequest } from '../../src/queue/job-request.js';
import type { ActiveJob, JobOutcome, ReviewQueue } from '../../src/queue/review-queue.js';

export interface QueueFactory {
  /** a fresh, empty queue */
  create(): Promise<ReviewQueue>;
}

let deliveries = 0;

export function reviewRequest(overrides: Partial<ReviewJobRequest> = {}): ReviewJobRequest {
  deliveries += 1;
  return {
    kind: 'review',
    installationId: 1,
    owner: 'acme',
    repo: 'infra',
    pullNumber: 7,
    headSha: 'a'.repeat(40),
    trigger: { kind: 'push' },
    deliveryId: `delivery-${deliveries}-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

async function eventually(
  probe: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function describeQueueContract(name: string, factory: QueueFactory): void {
  describe(`${name}: the queue contract`, () => {
    it('runs a job, joins a repeated push of the same head and drops a redelivered delivery', async () => {
      const queue = await factory.create();
      try {
        const first = reviewRequest();
        expect(await queue.enqueue(first)).toBe('queued');
        expect(await queue.enqueue(reviewRequest())).toBe('joined');
        expect(await queue.enqueue({ ...first })).toBe('duplicate-delivery');
        const seen: JobRequest[] = [];
        queue.start(async (job) => {
          seen.push(job.request);
          return { status: 'done' };
        }, 2);
        await queue.idle();
        expect(seen).toHaveLength(1);
        expect(await queue.counts()).toEqual({ waiting: 0, running: 0, delayed: 0 });
      } finally {
        await queue.close();
      }
    });

    it('keeps a re-run and an approval as jobs of their own', async () => {
      const queue = await factory.create();
      try {
        await queue.enqueue(reviewRequest());
        await queue.enqueue(reviewRequest({ trigger: { kind: 'rerun' } }));
        await queue.enqueue(reviewRequest({ trigger: { kind: 'review-changed' } }));
        const kinds: string[] = [];
        queue.start(async (job) => {
          if (job.request.kind === 'review') kinds.push(job.request.trigger.kind);
          return { status: 'done' };
        }, 3);
        await queue.idle();
        expect(kinds.sort()).toEqual(['push', 'rerun', 'review-changed']);
      } finally {
        await queue.close();
      }
    });

    it('runs the jobs of one pull request one at a time, and other pull requests alongside', async () => {
      const queue = await factory.create();
      try {
        await queue.enqueue(reviewRequest({ headSha: '1'.repeat(40) }));
        await queue.enqueue(reviewRequest({ headSha: '1'.repeat(40), trigger: { kind: 'rerun' } }));
        await queue.enqueue(reviewRequest({ pullNumber: 8, headSha: '2'.repeat(40) }));
        let running = 0;
        let samePullRequestAtOnce = 0;
        let peak = 0;
        const active = new Set<number>();
        queue.start(async (job) => {
          const pull = (job.request as ReviewJobRequest).pullNumber;
          if (active.has(pull)) samePullRequestAtOnce += 1;
          active.add(pull);
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 150));
          running -= 1;
          active.delete(pull);
          return { status: 'done' };
        }, 3);
        await queue.idle();
        expect(samePullRequestAtOnce).toBe(0);
        expect(peak).toBe(2);
      } finally {
        await queue.close();
      }
    });

    it('serves a quiet installation before the rest of a busy one', async () => {
      const queue = await factory.create();
      try {
        for (let pull = 1; pull <= 6; pull += 1)
          await queue.enqueue(reviewRequest({ installationId: 1, pullNumber: pull }));
        await queue.enqueue(reviewRequest({ installationId: 2, owner: 'quiet', pullNumber: 1 }));
        const order: number[] = [];
        queue.start(async (job) => {
          order.push(job.request.installationId);
          await new Promise((resolve) => setTimeout(resolve, 40));
          return { status: 'done' };
        }, 1);
        await queue.idle();
        // The quiet installation's job is not left behind the busy one's five others.
        expect(order.indexOf(2)).toBeLessThanOrEqual(2);
      } finally {
        await queue.close();
      }
    });

    it('aborts the running job of an older head when a newer head is observed, and tells waiting ones', async () => {
      const queue = await factory.create();
      try {
        const older = reviewRequest({
          headSha: 'b'.repeat(40),
          headObservedAt: '2025-03-01T10:00:00Z',
        });
        await queue.enqueue(older);
        const started = deferred();
        const reasons: unknown[] = [];
        const superseded: Array<string | undefined> = [];
        queue.start(async (job) => {
          superseded.push(await job.supersededBy());
          if ((job.request as ReviewJobRequest).headSha === older.headSha && reasons.length === 0) {
            started.resolve();
            await new Promise<void>((resolve) =>
              job.signal.addEventListener('abort', () => resolve(), { once: true }),
            );
            reasons.push(job.signal.reason);
          }
          return { status: 'done' };
        }, 1);
        await started.promise;
        await queue.enqueue(
          reviewRequest({ headSha: 'c'.repeat(40), headObservedAt: '2025-03-01T10:00:05Z' }),
        );
        await queue.idle();
        expect(reasons).toEqual([{ kind: 'superseded', by: 'c'.repeat(40) }]);
        expect(superseded).toEqual([undefined, undefined]);
      } finally {
        await queue.close();
      }
    });

    it('does not let an event that arrives late make an older head the latest', async () => {
      const queue = await factory.create();
      try {
        await queue.enqueue(
          reviewRequest({ headSha: 'd'.repeat(40), headObservedAt: '2025-03-01T10:00:05Z' }),
        );
        await queue.enqueue(
          reviewRequest({ headSha: 'e'.repeat(40), headObservedAt: '2025-03-01T10:00:00Z' }),
        );
        const superseded = new Map<string, string | undefined>();
        queue.start(async (job) => {
          superseded.set((job.request as ReviewJobRequest).headSha, await job.supersededBy());
          return { status: 'done' };
        }, 1);
        await queue.idle();
        expect(superseded.get('d'.repeat(40))).toBeUndefined();
        expect(superseded.get('e'.repeat(40))).toBe('d'.repeat(40));
      } finally {
        await queue.close();
      }
    });

    it('retries a job at the time it asks for, counting its attempts', async () => {
      const queue = await factory.create();
      try {
        await queue.enqueue(reviewRequest());
        const attempts: number[] = [];
        queue.start(async (job): Promise<JobOutcome> => {
          attempts.push(job.attempt);
          return job.attempt < 3
            ? { status: 'retry', at: Date.now() + 50, reason: 'GitHub answered 502' }
            : { status: 'done' };
        }, 1);
        await queue.idle();
        expect(attempts).toEqual([1, 2, 3]);
      } finally {
        await queue.close();
      }
    });

    it('forgets the deliveries of a job that failed, so a redelivery tries again', async () => {
      const queue = await factory.create();
      try {
        const request = reviewRequest();
        await queue.enqueue(request);
        let runs = 0;
        queue.start(async () => {
          runs += 1;
          return runs === 1
            ? { status: 'failed', reason: 'GitHub answered 404' }
            : { status: 'done' };
        }, 1);
        await queue.idle();
        expect(await queue.enqueue({ ...request })).toBe('queued');
        await queue.idle();
        expect(runs).toBe(2);
      } finally {
        await queue.close();
      }
    });

    it('remembers the run a job opened until the job forgets it, and offers stale ones to the sweep', async () => {
      const queue = await factory.create();
      try {
        await queue.enqueue(reviewRequest({ pullNumber: 1 }));
        await queue.enqueue(reviewRequest({ pullNumber: 2 }));
        const remembered: unknown[] = [];
        queue.start(async (job: ActiveJob) => {
          const pull = (job.request as ReviewJobRequest).pullNumber;
          await job.rememberRun({
            installationId: 1,
            owner: 'acme',
            repo: 'infra',
            headSha: 'a'.repeat(40),
            checkRunId: 100 + pull,
          });
          remembered.push((await job.rememberedRun())?.checkRunId);
          if (pull === 1) await job.forgetRun();
          return { status: 'done' };
        }, 1);
        await queue.idle();
        expect(remembered.sort()).toEqual([101, 102]);
        const stale = await queue.staleOpenRuns(Date.now() + 1000);
        expect(stale.map((run) => run.checkRunId)).toEqual([102]);
        await queue.forgetOpenRun(stale[0]?.jobId ?? '');
        expect(await queue.staleOpenRuns(Date.now() + 1000)).toEqual([]);
      } finally {
        await queue.close();
      }
    });

    it('hands running jobs back on stop, without counting the try', async () => {
      const queue = await factory.create();
      try {
        await queue.enqueue(reviewRequest());
        const started = deferred();
        queue.start(async (job) => {
          started.resolve();
          await new Promise<void>((resolve) =>
            job.signal.addEventListener('abort', () => resolve(), { once: true }),
          );
          expect(job.signal.reason).toEqual({ kind: 'shutdown' });
          return { status: 'handed-back' };
        }, 1);
        await started.promise;
        await queue.stop(5_000);
        await eventually(async () => (await queue.counts()).waiting === 1);
        const attempts: number[] = [];
        queue.start(async (job) => {
          attempts.push(job.attempt);
          return { status: 'done' };
        }, 1);
        await queue.idle();
        expect(attempts).toEqual([1]);
      } finally {
        await queue.close();
      }
    });

    it('lets a job queue follow-up work', async () => {
      const queue = await factory.create();
      try {
        await queue.enqueue({
          kind: 'find-pull-requests',
          installationId: 1,
          owner: 'acme',
          repo: 'infra',
          headSha: 'f'.repeat(40),
          trigger: { kind: 'rerun' },
          deliveryId: 'find-1',
        });
        const kinds: string[] = [];
        queue.start(async (job) => {
          kinds.push(job.request.kind);
          if (job.request.kind === 'find-pull-requests')
            await job.enqueue(
              reviewRequest({ trigger: { kind: 'rerun' }, deliveryId: 'find-1:7' }),
            );
          return { status: 'done' };
        }, 1);
        await queue.idle();
        expect(kinds).toEqual(['find-pull-requests', 'review']);
      } finally {
        await queue.close();
      }
    });
  });
}
