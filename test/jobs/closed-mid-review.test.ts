import nock from 'nock';
import { Octokit } from '@octokit/rest';
import { pino } from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { runReviewJob } from '../../src/jobs/review-job.js';
import { scheduleFrom } from '../../src/jobs/retry-policy.js';
import { EmbeddedQueue } from '../../src/queue/embedded-queue.js';
import type { ReviewJobRequest } from '../../src/queue/job-request.js';
import type { GitHubClient } from '../../src/review/review-target.js';
import { inThreadAnalyzer } from '../../src/workers/analysis-pool.js';

const API = 'https://api.github.com';
const NOW = new Date('2025-03-01T12:00:00Z');
const HEAD = 'a'.repeat(40);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const request: ReviewJobRequest = {
  kind: 'review',
  installationId: 3,
  owner: 'acme',
  repo: 'infra',
  pullNumber: 7,
  headSha: HEAD,
  trigger: { kind: 'push' },
  deliveryId: 'd-1',
};

function dependencies() {
  return {
    github: {
      installation: async () =>
        new Octokit({ auth: 'ghs_test', request: { retries: 0 } }) as unknown as GitHubClient,
    },
    log: pino({ level: 'silent' }),
    analyzer: inThreadAnalyzer((files, options) => analyze(files, options)),
    now: () => NOW,
    retry: scheduleFrom(0, 2),
  };
}

describe('a pull request closed while its review was under way', () => {
  it('completes the run it opened as cancelled, which no required check passes on', async () => {
    const queue = new EmbeddedQueue({ dataDir: ':memory:', now: () => NOW.getTime() });
    await queue.enqueue(request);
    let completion: Record<string, unknown> | undefined;
    nock(API)
      .get('/repos/acme/infra/pulls/7')
      .reply(200, {
        state: 'closed',
        head: { sha: HEAD },
        base: { sha: 'b'.repeat(40), ref: 'main' },
        updated_at: NOW.toISOString(),
      });
    nock(API)
      .patch(
        '/repos/acme/infra/check-runs/5001',
        (body: Record<string, unknown>) => ((completion = body), true),
      )
      .reply(200, { id: 5001 });
    let tries = 0;
    queue.start(async (job) => {
      tries += 1;
      // The first try opened a run and broke off; the second finds the pull request closed.
      if (tries === 1) {
        await job.rememberRun({
          installationId: 3,
          owner: 'acme',
          repo: 'infra',
          headSha: HEAD,
          checkRunId: 5001,
        });
        return { status: 'retry', reason: 'GitHub answered 502', at: NOW.getTime() };
      }
      return runReviewJob(job, request, dependencies());
    }, 1);
    await queue.idle();
    expect(tries).toBe(2);
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(completion?.output).toMatchObject({ title: 'Review stopped' });
    await queue.close();
  });
});
