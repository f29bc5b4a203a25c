/**
 * The whole app over HTTP: a signed webhook reaches Posture's real server (the code `npm start`
 * runs), Posture authenticates as the app against the local GitHub stand-in, reviews the
 * sample pull request with the real engine, and the stand-in records what GitHub would show.
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
import { pullRequestEvent, pullRequestReviewEvent } from '../support/webhook-payloads.js';

const SAMPLE = fileURLToPath(new URL('../../demo/sample-pr/', import.meta.url));
const TASKS = 'roles/webserver/tasks/main.yml';
const DEFAULTS = 'roles/webserver/defaults/main.yml';
const MANIFEST = 'site/profile/manifests/agent_repo.pp';
const RECIPE = 'cookbooks/agent/recipes/default.rb';
const head = readTree(`${SAMPLE}head`);

/** 1-based number of the first line of `path` at head containing `needle`, from line `from` on. */
function lineOf(path: string, needle: string, from = 1): number {
  const index = (head.get(path) ?? '')
    .split('\n')
    .findIndex((line, at) => at + 1 >= from && line.includes(needle));
  if (index === -1) throw new Error(`${path} has no line with ${needle}`);
  return index + 1;
}

let standin: GitHubStandin;
let server: RunningServer;
const secret = randomBytes(20).toString('hex');

beforeAll(async () => {
  standin = await startGitHubStandin({
    base: readTree(`${SAMPLE}base`),
    head,
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

describe('Posture over HTTP against a GitHub stand-in', () => {
  it('rejects unsigned and wrongly signed deliveries before doing anything', async () => {
    const event = pullRequestEvent('opened', standin.target);
    const unsigned = await deliverWebhook(server.webhookUrl, event, undefined);
    const forged = await deliverWebhook(server.webhookUrl, event, 'not-the-secret');

    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);
    expect(forged.status).toBe(401);
    expect(forged.body).toContain('signature does not match');
    expect(standin.requests).toEqual([]);
    expect(standin.checkRuns).toEqual([]);
  });

  it('reviews a signed pull_request.opened: a run that needs the security team, exact annotations, inline comments on added lines only', async () => {
    const delivery = await deliverWebhook(
      server.webhookUrl,
      pullRequestEvent('opened', standin.target),
      secret,
    );
    expect(delivery.status).toBe(202);

    const run = await standin.waitFor(() =>
      standin.checkRuns.find((candidate) => candidate.status === 'completed'),
    );
    expect(run).toMatchObject({
      name: 'Posture',
      head_sha: standin.target.headSha,
      conclusion: 'action_required',
      details_url: standin.target.htmlUrl,
    });
    expect(run.output.title).toMatch(
      /^Security review needed: \d+ high, \d+ medium findings, 2 existing$/,
    );
    expect([...standin.github.requested.teams]).toEqual(['security']);

    const newFindings = [
      `${DEFAULTS}:${lineOf(DEFAULTS, 'webserver_admin_password')} hard-coded-secret`,
      // Over plain HTTP and without a checksum: one finding for the one cause.
      `${TASKS}:${lineOf(TASKS, 'ansible.builtin.get_url:', 40)} missing-integrity-check`,
      `${TASKS}:${lineOf(TASKS, 'validate_certs: no')} tls-verification-disabled`,
      `${TASKS}:${lineOf(TASKS, "mode: '0777'")} insecure-file-permissions`,
      `${TASKS}:${lineOf(TASKS, '| sh')} pipe-to-shell`,
      `${MANIFEST}:${lineOf(MANIFEST, 'gpgcheck => 0')} unsigned-package-source`,
      `${RECIPE}:${lineOf(RECIPE, "remote_file '/tmp/metrics-agent.rpm'")} missing-integrity-check`,
      `${RECIPE}:${lineOf(RECIPE, 'setenforce 0')} security-control-disabled`,
    ];
    const onUnchangedLines = [
      `${TASKS}:${lineOf(TASKS, 'http://legacy-mirror.example.com')} http-without-tls`,
      `${TASKS}:${lineOf(TASKS, 'http://status.example.com')} http-without-tls`,
    ];
    const annotated = run.annotations.map(
      (annotation) =>
        `${annotation.path}:${annotation.start_line} ${annotation.title?.split(':')[0]}`,
    );
    expect(annotated).toEqual(expect.arrayContaining([...newFindings, ...onUnchangedLines]));

    expect(standin.reviews).toHaveLength(1);
    const [review] = standin.reviews;
    expect(review).toMatchObject({ commit_id: standin.target.headSha, event: 'COMMENT' });
    const comments = review?.comments ?? [];
    const addedLines = standin.pullRequest.addedLines;
    expect(comments.filter((comment) => !addedLines.get(comment.path)?.has(comment.line))).toEqual(
      [],
    );
    const commented = comments.map((comment) => `${comment.path}:${comment.line}`);
    expect(commented).toEqual(
      expect.arrayContaining(newFindings.map((finding) => finding.split(' ')[0])),
    );
    for (const unchanged of onUnchangedLines)
      expect(commented).not.toContain(unchanged.split(' ')[0]);
  });

  it('reads the files in one GraphQL query and makes a handful of calls in all', async () => {
    // Every call of the job, including the head's runs read again once its run completed.
    await server.queue.idle();
    const calls = standin.requests.filter((request) => !request.path.startsWith('/api/v3/app/'));
    const graphql = calls
      .filter((request) => request.path === '/api/graphql')
      .map(
        (request) =>
          /^(?:query|mutation) (\w+)/.exec(String((request.body as { query: string }).query))?.[1],
      );
    expect(graphql).toEqual(['PostureBlobs', 'PosturePullRequestState']);
    expect(calls.filter((request) => request.path.includes('/git/blobs/'))).toEqual([]);
    expect(calls.length).toBeLessThanOrEqual(11);
  });

  it('does nothing more for a redelivered webhook or a second push of the same head', async () => {
    // The webhook middleware answers 200 once the handlers have finished (202 if they take longer).
    const delivery = await deliverWebhook(
      server.webhookUrl,
      pullRequestEvent('opened', standin.target),
      secret,
    );
    expect(delivery.status).toBe(202);
    const again = await deliverWebhook(
      server.webhookUrl,
      pullRequestEvent('synchronize', standin.target, { deliveryId: 'same-head-pushed-again' }),
      secret,
    );
    expect(again.status).toBe(202);

    expect(standin.checkRuns).toHaveLength(1);
    expect(standin.reviews).toHaveLength(1);
  });

  it('turns green when a member of the security team approves the head', async () => {
    standin.github.submitReview('sam-sec', 'APPROVED', {
      body: 'Agent download reviewed with the vendor.',
    });
    const delivery = await deliverWebhook(
      server.webhookUrl,
      pullRequestReviewEvent('submitted', standin.target, {
        reviewer: 'sam-sec',
        state: 'approved',
      }),
      secret,
    );
    expect(delivery.status).toBe(202);

    const approved = await standin.waitFor(() =>
      standin.checkRuns.find(
        (candidate) => candidate.status === 'completed' && candidate.conclusion === 'success',
      ),
    );
    expect(approved.head_sha).toBe(standin.target.headSha);
    expect(approved.output.summary).toContain(
      '**Approved by a security reviewer:** @sam-sec approved',
    );
    expect(standin.reviews).toHaveLength(1);
  });

  it('answers liveness, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('posture_queue_jobs{state="waiting"} 0');
    expect(metrics).toMatch(/posture_reviews_total\{outcome="reviewed"\} \d+/);
    expect(metrics).toMatch(
      /posture_webhook_duration_seconds_count\{event="pull_request",status="202"\} \d+/,
    );
    expect(metrics).toMatch(/posture_github_requests_total\{method="POST",status="201"\} \d+/);
  });
});
