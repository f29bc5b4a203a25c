/**
 * `kill -9` of the server at several points of a review, then a restart on the same data folder:
 * the review is resumed, the head ends with exactly one completed run (the one opened before the
 * crash, taken back) and at most one review, within a minute.
 */
import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook } from '../support/deliver-webhook.js';
import {
  appEnvironment,
  startGitHubStandin,
  type GitHubStandin,
} from '../support/github-standin.js';
import { startPostureProcess, type PostureProcess } from '../support/posture-process.js';
import { readTree } from '../support/pull-request-fixture.js';
import type { RequestMatcher } from '../support/standin/request-matcher.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';

const SAMPLE = fileURLToPath(new URL('../../demo/sample-pr/', import.meta.url));
const secret = randomBytes(16).toString('hex');

let standin: GitHubStandin | undefined;
const processes: PostureProcess[] = [];

afterEach(async () => {
  for (const running of processes.splice(0)) await running.stop('SIGKILL');
  await standin?.close();
  standin = undefined;
});

async function crashAt(
  point: RequestMatcher,
  options: { holdThere?: boolean; signal?: NodeJS.Signals } = {},
) {
  standin = await startGitHubStandin({
    base: readTree(`${SAMPLE}base`),
    head: readTree(`${SAMPLE}head`),
    teams: { security: ['sam-sec'] },
  });
  const github = standin;
  const env = {
    ...appEnvironment(github, secret),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'posture-crash-')),
  };
  // Hold the review at the crash point, so that the kill lands there and nowhere later.
  if (options.holdThere) github.faults.inject({ ...point, fault: { hang: true } });
  const first = await startPostureProcess(env);
  processes.push(first);
  expect(
    (await deliverWebhook(first.webhookUrl, pullRequestEvent('opened', github.target), secret))
      .status,
  ).toBe(202);
  await github.waitForRequest(point, { timeoutMs: 30_000 });
  const exitCode = await first.stop(options.signal ?? 'SIGKILL');
  if (options.signal === 'SIGTERM') expect(exitCode).toBe(0);

  const started = Date.now();
  const second = await startPostureProcess(env);
  processes.push(second);
  await github.waitFor(
    () =>
      github.checkRuns.length > 0 && github.checkRuns.every((run) => run.status === 'completed'),
    60_000,
  );
  const runs = github.checkRuns.filter((run) => run.head_sha === github.target.headSha);
  return { runs, reviews: github.reviews, seconds: (Date.now() - started) / 1000 };
}

describe('a kill -9 in the middle of a review, then a restart', { timeout: 120_000 }, () => {
  it('right after the check run was opened: the run is taken back and completed', async () => {
    const { runs, reviews } = await crashAt({ method: 'POST', path: /\/check-runs$/ });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'action_required' });
    expect(reviews.length).toBeLessThanOrEqual(1);
  });

  it('while the files were being read: one run, one review', async () => {
    const { runs, reviews } = await crashAt({ operation: 'PostureBlobs' }, { holdThere: true });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'action_required' });
    expect(reviews).toHaveLength(1);
  });

  it('after the review was posted, while the run was being completed: no second review', async () => {
    const { runs, reviews } = await crashAt(
      { method: 'PATCH', path: /\/check-runs\/\d+$/ },
      { holdThere: true },
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'action_required' });
    expect(reviews).toHaveLength(1);
  });

  it('on SIGTERM instead, the review is handed back and the next process finishes it', async () => {
    const { runs, reviews } = await crashAt(
      { operation: 'PostureBlobs' },
      { holdThere: true, signal: 'SIGTERM' },
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'action_required' });
    expect(reviews).toHaveLength(1);
  });
});
