import nock from 'nock';
import { Octokit } from '@octokit/rest';
import { pino } from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sweepOpenRuns } from '../../src/jobs/sweep-open-runs.js';
import { EmbeddedQueue } from '../../src/queue/embedded-queue.js';
import type { GitHubClient } from '../../src/review/review-target.js';

const API = 'https://api.github.com';
const NOW = new Date('2025-03-01T12:00:00Z');

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

/** A queue whose one job opened a run and then failed without completing it. */
async function queueWithAnAbandonedRun(): Promise<EmbeddedQueue> {
  const queue = new EmbeddedQueue({ dataDir: ':memory:', now: () => NOW.getTime() - 60 * 60_000 });
  await queue.enqueue({
    kind: 'review',
    installationId: 3,
    owner: 'acme',
    repo: 'infra',
    pullNumber: 7,
    headSha: 'a'.repeat(40),
    trigger: { kind: 'push' },
    deliveryId: 'd-1',
  });
  queue.start(async (job) => {
    await job.rememberRun({
      installationId: 3,
      owner: 'acme',
      repo: 'infra',
      headSha: 'a'.repeat(40),
      checkRunId: 5001,
    });
    return { status: 'failed', reason: 'GitHub answered 502' };
  }, 1);
  await queue.idle();
  return queue;
}

function dependencies(queue: EmbeddedQueue) {
  return {
    queue,
    github: {
      installation: async () => new Octokit({ auth: 'ghs_test' }) as unknown as GitHubClient,
    },
    log: pino({ level: 'silent' }),
    now: () => NOW,
    maxReviewMs: 10 * 60_000,
  };
}

describe('the sweep of runs left open', () => {
  it('completes, as failure with a re-run hint, a run older than the longest review whose job is gone', async () => {
    const queue = await queueWithAnAbandonedRun();
    let completion: Record<string, unknown> | undefined;
    nock(API)
      .patch(
        '/repos/acme/infra/check-runs/5001',
        (body: Record<string, unknown>) => ((completion = body), true),
      )
      .reply(200, { id: 5001 });
    expect(await sweepOpenRuns(dependencies(queue))).toBe(1);
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(String((completion?.output as { summary: string }).summary)).toContain(
      'Re-run this check',
    );
    expect(await queue.staleOpenRuns(NOW.getTime())).toEqual([]);
    await queue.close();
  });

  it('keeps the run for the next sweep when GitHub does not answer', async () => {
    const queue = await queueWithAnAbandonedRun();
    nock(API).patch('/repos/acme/infra/check-runs/5001').reply(502, { message: 'Bad Gateway' });
    expect(await sweepOpenRuns(dependencies(queue))).toBe(0);
    expect((await queue.staleOpenRuns(NOW.getTime())).map((run) => run.checkRunId)).toEqual([5001]);
    await queue.close();
  });
});
