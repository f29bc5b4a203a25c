/**
 * A merge queue's `merge_group` event: a required Posture check must complete on the group's
 * head, or the queue stalls. The group passes when Posture passed the pull request it tests.
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
} from '../support/github-standin.js';
import { readTree } from '../support/pull-request-fixture.js';
import {
  mergeGroupEvent,
  pullRequestEvent,
  pullRequestReviewEvent,
} from '../support/webhook-payloads.js';

const SAMPLE = fileURLToPath(new URL('../../demo/sample-pr/', import.meta.url));
const secret = randomBytes(16).toString('hex');

let standin: GitHubStandin;
let server: RunningServer;

beforeAll(async () => {
  standin = await startGitHubStandin({
    base: readTree(`${SAMPLE}base`),
    head: readTree(`${SAMPLE}head`),
    teams: { security: ['sam-sec'] },
  });
  const config = configFromEnv(appEnvironment(standin, secret));
  if (!config.ok) throw new Error(config.problems.join('\n'));
  server = await startPostureServer(config.config, pino({ level: 'silent' }));
});

afterAll(async () => {
  await server?.close();
  await standin?.close();
});

async function checkMergeGroup(deliveryId: string) {
  const group = standin.github.addMergeGroupCommit();
  expect(
    (
      await deliverWebhook(
        server.webhookUrl,
        mergeGroupEvent(standin.target, group, deliveryId),
        secret,
      )
    ).status,
  ).toBe(202);
  return standin.waitFor(() =>
    standin.checkRuns.find((run) => run.head_sha === group && run.status === 'completed'),
  );
}

describe('a pull request in a merge queue', { timeout: 60_000 }, () => {
  it('fails the group while the pull request has no passing review', async () => {
    await deliverWebhook(server.webhookUrl, pullRequestEvent('opened', standin.target), secret);
    await standin.waitFor(() =>
      standin.checkRuns.find(
        (run) => run.head_sha === standin.target.headSha && run.status === 'completed',
      ),
    );
    const run = await checkMergeGroup('group-1');
    expect(run).toMatchObject({ name: 'Posture', conclusion: 'failure' });
    expect(run.output.summary).toContain(`pull request #${standin.target.pullNumber}`);
  });

  it('passes the group once a security reviewer approved the pull request', async () => {
    standin.github.submitReview('sam-sec', 'APPROVED');
    await deliverWebhook(
      server.webhookUrl,
      pullRequestReviewEvent('submitted', standin.target, {
        reviewer: 'sam-sec',
        state: 'approved',
      }),
      secret,
    );
    await standin.waitFor(() =>
      standin.checkRuns.some(
        (run) => run.head_sha === standin.target.headSha && run.conclusion === 'success',
      ),
    );
    const run = await checkMergeGroup('group-2');
    expect(run).toMatchObject({
      name: 'Posture',
      conclusion: 'success',
      output: { title: `Pull request #${standin.target.pullNumber} passed its review` },
    });
  });
});
