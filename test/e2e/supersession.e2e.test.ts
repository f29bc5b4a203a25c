/**
 * Pushes in quick succession, against a GitHub slowed down so that reviews overlap the pushes:
 * every head gets exactly one completed run, only the newest is reviewed, and a head pushed again
 * after being superseded gets the verdict of its own files, never another head's.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/config-from-env.js';
import { startPostureServer, type RunningServer } from '../../src/server/create-server.js';
import { deliverWebhook } from '../support/deliver-webhook.js';
import {
  appEnvironment,
  startGitHubStandin,
  type GitHubStandin,
  type StandinCheckRun,
} from '../support/github-standin.js';
import type { Tree } from '../support/pull-request-fixture.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';

const TASKS = 'roles/web/tasks/main.yml';
const CLEAN = `---
- name: Install nginx
  ansible.builtin.apt:
    name: nginx
    state: present
`;
const INSECURE = `${CLEAN}- name: Fetch the agent
  ansible.builtin.get_url:
    url: https://downloads.example.com/agent.tar.gz
    dest: /opt/agent.tar.gz
    checksum: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
    validate_certs: no
`;
const secret = randomBytes(16).toString('hex');
const base: Tree = new Map([[TASKS, CLEAN]]);

let standin: GitHubStandin;
let server: RunningServer;

beforeEach(async () => {
  standin = await startGitHubStandin({ base, head: new Map([[TASKS, INSECURE]]) });
  const config = configFromEnv({ ...appEnvironment(standin, secret), REVIEW_CONCURRENCY: '8' });
  if (!config.ok) throw new Error(config.problems.join('\n'));
  server = await startPostureServer(config.config, pino({ level: 'silent' }));
});

afterEach(async () => {
  await server?.close();
  await standin?.close();
});

/** Every GitHub answer takes a while, as under load: reviews overlap the pushes. */
function slowGitHubDown(delayMs: number): void {
  standin.faults.inject({ times: Number.POSITIVE_INFINITY, fault: { delayMs } });
}

function runsOn(sha: string): StandinCheckRun[] {
  return standin.checkRuns.filter((run) => run.head_sha === sha);
}

async function push(tree: Tree, options: { force?: boolean } = {}): Promise<string> {
  const fixture = standin.push(tree, options);
  const delivery = await deliverWebhook(
    server.webhookUrl,
    pullRequestEvent('synchronize', standin.target, {
      deliveryId: `push-${fixture.headSha}-${Date.now()}`,
    }),
    secret,
  );
  expect(delivery.status).toBe(202);
  return fixture.headSha;
}

describe('pushes in quick succession', { timeout: 120_000 }, () => {
  it('X, then a clean Y, then X again: X ends failure on its own files', async () => {
    slowGitHubDown(250);
    const x = standin.target.headSha;
    await deliverWebhook(
      server.webhookUrl,
      pullRequestEvent('opened', standin.target, { deliveryId: 'opened-x' }),
      secret,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const y = await push(
      new Map([
        [
          TASKS,
          `${CLEAN}- name: Start nginx\n  ansible.builtin.service:\n    name: nginx\n    state: started\n`,
        ],
      ]),
      { force: true },
    );
    const again = await push(new Map([[TASKS, INSECURE]]), { force: true });
    expect(again).toBe(x);

    await standin.waitFor(
      () =>
        runsOn(x).at(-1)?.status === 'completed' &&
        runsOn(y).every((run) => run.status === 'completed') &&
        runsOn(y).length > 0,
      60_000,
    );
    await server.queue.idle();
    const latestOnX = runsOn(x).at(-1);
    expect(latestOnX).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(latestOnX?.output.title).toMatch(/high/);
    // Never green on X, whatever happened in between.
    expect(runsOn(x).filter((run) => run.conclusion === 'success')).toEqual([]);
    // X's first review, if Y arrived while it ran, was superseded, not finished; on a slow
    // machine it may have finished first, and the push back to X then reuses its verdict.
    const conclusions = runsOn(x).map((run) => run.conclusion);
    expect(conclusions.slice(0, -1).every((conclusion) => conclusion === 'cancelled')).toBe(true);
    expect(conclusions.length).toBeLessThanOrEqual(2);
    expect(standin.checkRuns.every((run) => run.status === 'completed')).toBe(true);
  });

  it('30 pushes in 3 seconds: the newest is reviewed, the others complete as superseded, with no review', async () => {
    slowGitHubDown(60);
    const heads: string[] = [];
    for (let index = 1; index <= 30; index += 1) {
      heads.push(await push(new Map([[TASKS, `${INSECURE}# revision ${index}\n`]])));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const newest = heads.at(-1) as string;
    await standin.waitFor(() => runsOn(newest).some((run) => run.status === 'completed'), 60_000);
    await server.queue.idle();

    expect(runsOn(newest)).toHaveLength(1);
    expect(runsOn(newest)[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    for (const older of heads.slice(0, -1)) {
      const runs = runsOn(older);
      expect(runs, older).toHaveLength(1);
      expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
      expect(runs[0]?.output.title).toMatch(/^Superseded by [0-9a-f]{7}$/);
    }
    expect(standin.reviews.map((review) => review.commit_id)).toEqual([newest]);
  });
});
