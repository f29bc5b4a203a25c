/**
 * The server against a GitHub that misbehaves: each fault GitHub can throw at a review (a run of
 * 5xx answers, a secondary rate limit, a primary one, a reset connection, a request that never
 * ends) is injected into one pull request's review, and the review must still complete, with one
 * run and one review, and never green when it should not be.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/config-from-env.js';
import { startPostureServer, type RunningServer } from '../../src/server/create-server.js';
import { deliverWebhook } from '../support/deliver-webhook.js';
import {
  appEnvironment,
  startGitHubStandin,
  type GitHubStandin,
  type StandinRepository,
} from '../support/github-standin.js';
import { readTree } from '../support/pull-request-fixture.js';
import type { Fault } from '../support/standin/faults.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';

const SAMPLE = fileURLToPath(new URL('../../demo/sample-pr/', import.meta.url));
const base = readTree(`${SAMPLE}base`);
const head = readTree(`${SAMPLE}head`);
const secret = randomBytes(16).toString('hex');

let standin: GitHubStandin;
let server: RunningServer;
let repositories = 0;

beforeAll(async () => {
  standin = await startGitHubStandin({ base, head });
  const config = configFromEnv({
    ...appEnvironment(standin, secret),
    GITHUB_REQUEST_TIMEOUT_MS: '1000',
    GITHUB_RETRY_BASE_MS: '20',
    REVIEW_RETRY_BASE_MS: '100',
    GITHUB_MAX_RATE_LIMIT_WAIT_SECONDS: '5',
  });
  if (!config.ok) throw new Error(config.problems.join('\n'));
  server = await startPostureServer(
    config.config,
    pino({ level: process.env.POSTURE_TEST_LOG ?? 'silent' }),
  );
});

afterAll(async () => {
  await server?.close();
  await standin?.close();
});

/** A pull request of its own (in a repository of its own), so that each fault meets one review. */
function freshPullRequest(): StandinRepository {
  repositories += 1;
  return standin.addRepository({
    owner: `org-${repositories}`,
    repo: 'infrastructure',
    base,
    head,
  });
}

async function reviewUnder(fault: {
  method?: string;
  path?: string | RegExp;
  operation?: string;
  times?: number;
  fault: Fault;
}) {
  const pull = freshPullRequest();
  standin.faults.inject({
    ...fault,
    path:
      typeof fault.path === 'string'
        ? fault.path.replace('{repo}', `/repos/${pull.target.owner}/${pull.target.repo}`)
        : fault.path,
    installationId: pull.installationId,
  });
  const delivery = await deliverWebhook(
    server.webhookUrl,
    pullRequestEvent('opened', pull.target, { deliveryId: `opened-${pull.target.owner}` }),
    secret,
  );
  expect(delivery.status).toBe(202);
  const run = await standin.waitFor(
    () => pull.checkRuns.find((candidate) => candidate.status === 'completed'),
    60_000,
  );
  await server.queue.idle();
  return { pull, run };
}

function expectOneCompleteReview(pull: StandinRepository) {
  expect(pull.checkRuns.filter((run) => run.head_sha === pull.target.headSha)).toHaveLength(1);
  // The sample pull request needs the security team's review.
  expect(pull.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'action_required' });
  expect(pull.checkRuns[0]?.output.title).not.toBe('Posture could not complete the review');
  expect(pull.reviews).toHaveLength(1);
}

describe('a review while GitHub misbehaves', { timeout: 90_000 }, () => {
  it('survives eight 5xx answers in a row to the check-run update', async () => {
    const { pull } = await reviewUnder({
      method: 'PATCH',
      path: /\/check-runs\/\d+$/,
      times: 8,
      fault: { status: 502 },
    });
    expectOneCompleteReview(pull);
    expect(
      standin.requests.filter(
        (request) => request.fault && request.installationId === pull.installationId,
      ),
    ).toHaveLength(8);
  });

  it('waits out a secondary rate limit on the review, and posts it once', async () => {
    const { pull } = await reviewUnder({
      method: 'POST',
      path: /\/pulls\/\d+\/reviews$/,
      fault: { secondaryRateLimit: { retryAfterSeconds: 1 } },
    });
    expectOneCompleteReview(pull);
  });

  it('waits for a primary rate limit to reset', async () => {
    const { pull } = await reviewUnder({
      method: 'GET',
      path: '{repo}/compare/',
      fault: { primaryRateLimit: { resetInSeconds: 1 } },
    });
    expectOneCompleteReview(pull);
  });

  it('gets past a connection reset on the content query', async () => {
    const { pull } = await reviewUnder({ operation: 'PostureBlobs', fault: { reset: true } });
    expectOneCompleteReview(pull);
  });

  it('times out a request that hangs, and tries it again', async () => {
    const { pull } = await reviewUnder({
      method: 'GET',
      path: '{repo}/compare/',
      fault: { hang: true },
    });
    expectOneCompleteReview(pull);
  });

  it('posts a review once when GitHub answers its write with a 502 after taking it', async () => {
    const pull = freshPullRequest();
    // The stand-in records the review, then answers as if it failed.
    standin.faults.inject({
      method: 'POST',
      path: /\/pulls\/\d+\/reviews$/,
      installationId: pull.installationId,
      fault: { status: 502, afterHandling: true },
    });
    await deliverWebhook(
      server.webhookUrl,
      pullRequestEvent('opened', pull.target, { deliveryId: `opened-${pull.target.owner}` }),
      secret,
    );
    await standin.waitFor(
      () => pull.checkRuns.find((candidate) => candidate.status === 'completed'),
      60_000,
    );
    await server.queue.idle();
    expectOneCompleteReview(pull);
  });

  it('fails the run, with the reason and a re-run hint, when GitHub keeps failing past every retry', async () => {
    const { pull, run } = await reviewUnder({
      method: 'GET',
      path: '{repo}/compare/',
      times: 1000,
      fault: { status: 500 },
    });
    expect(run).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Posture could not complete the review' },
    });
    expect(run.output.summary).toContain('Re-run this check');
    expect(pull.reviews).toEqual([]);
    standin.faults.clear();
  });
});
