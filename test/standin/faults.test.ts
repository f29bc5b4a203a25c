/**
 * Faults the stand-in injects before the normal route: error statuses, GitHub's secondary and
 * primary rate limits (in shapes Octokit's throttling recognises), connection resets, delays and
 * requests that never get an answer; each counts down, after the requests it lets through, and is
 * recorded with a marker. Waiting for the Nth matching request, and closing with hung and
 * keep-alive connections.
 */
import { Agent, request as httpRequest } from 'node:http';
import { pino } from 'pino';
import { ProbotOctokit } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';
import { graphql, installationToken, rest } from './standin-client.js';

const TASKS = 'roles/web/tasks/main.yml';
let standin: GitHubStandin | undefined;

async function started(): Promise<{
  standin: GitHubStandin;
  token: string;
  pull: string;
  run: string;
}> {
  standin = await startGitHubStandin({
    base: new Map([[TASKS, '---\n- name: a\n']]),
    head: new Map([[TASKS, '---\n- name: b\n']]),
  });
  const token = await installationToken(standin, 777);
  const created = await rest(
    standin,
    token,
    'POST',
    '/repos/posture-demo/infrastructure/check-runs',
    { name: 'Posture', head_sha: standin.target.headSha },
  );
  return {
    standin,
    token,
    pull: '/repos/posture-demo/infrastructure/pulls/42',
    run: `/repos/posture-demo/infrastructure/check-runs/${(created.body as { id: number }).id}`,
  };
}

afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

describe('fault injection', () => {
  it('answers a status fault the given number of times, then routes normally, and records each with a marker', async () => {
    const { standin, token, run } = await started();
    const injected = standin.faults.inject({
      method: 'PATCH',
      path: /\/check-runs\/\d+$/,
      times: 2,
      fault: { status: 502 },
    });

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++)
      statuses.push(
        (await rest(standin, token, 'PATCH', run, { status: 'completed', conclusion: 'success' }))
          .status,
      );
    const other = await rest(standin, token, 'GET', run);

    expect(statuses).toEqual([502, 502, 200]);
    expect(other.status).toBe(200);
    expect(injected).toMatchObject({ remaining: 0, applied: 2 });
    const patches = standin.requests.filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => [request.status, request.fault])).toEqual([
      [502, { status: 502 }],
      [502, { status: 502 }],
      [200, undefined],
    ]);
    expect(standin.checkRuns[0]?.conclusion).toBe('success');
  });

  it('lets the first matching requests through when told to fault a later one', async () => {
    const { standin, token, pull } = await started();
    const injected = standin.faults.inject({ path: pull, after: 2, fault: { status: 503 } });

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++)
      statuses.push((await rest(standin, token, 'GET', pull)).status);

    expect(statuses).toEqual([200, 200, 503, 200]);
    expect(injected).toMatchObject({ remaining: 0, applied: 1 });
    expect(() => standin.faults.inject({ path: pull, after: -1, fault: { status: 500 } })).toThrow(
      /no fewer than 0/,
    );
  });

  it('matches a path prefix, a GraphQL operation, and stops after clear()', async () => {
    const { standin, token, pull } = await started();
    standin.faults.inject({
      path: pull,
      times: Infinity,
      fault: {
        status: 500,
        body: { message: 'Server Error' },
        headers: { 'x-github-request-id': 'F00D' },
      },
    });
    standin.faults.inject({ operation: 'Broken', fault: { status: 504 } });

    const failed = await rest(standin, token, 'GET', `${pull}/files`);
    expect(failed).toMatchObject({ status: 500, body: { message: 'Server Error' } });
    expect(failed.headers.get('x-github-request-id')).toBe('F00D');
    expect((await graphql(standin, token, 'query Fine { rateLimit { remaining } }')).status).toBe(
      200,
    );
    expect((await graphql(standin, token, 'query Broken { rateLimit { remaining } }')).status).toBe(
      504,
    );

    standin.faults.clear();
    expect((await rest(standin, token, 'GET', `${pull}/files`)).status).toBe(200);
  });

  it('answers secondary and primary rate limits with GitHub’s statuses, headers and messages', async () => {
    const { standin, token, pull } = await started();
    standin.faults.inject({ path: pull, fault: { secondaryRateLimit: { retryAfterSeconds: 30 } } });
    standin.faults.inject({ path: pull, fault: { primaryRateLimit: { resetInSeconds: 600 } } });
    standin.faults.inject({
      path: '/graphql',
      fault: { primaryRateLimit: { resetInSeconds: 600 } },
    });

    const secondary = await rest(standin, token, 'GET', pull);
    expect(secondary.status).toBe(403);
    expect(secondary.headers.get('retry-after')).toBe('30');
    expect((secondary.body as { message: string }).message).toMatch(
      /^You have exceeded a secondary rate limit/,
    );

    const primary = await rest(standin, token, 'GET', pull);
    expect(primary).toMatchObject({
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 777.' },
    });
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(primary.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000 + 590);
    expect(reset).toBeLessThan(Date.now() / 1000 + 610);

    const limitedQuery = await graphql(standin, token, 'query Any { rateLimit { remaining } }');
    expect(limitedQuery).toMatchObject({
      status: 200,
      body: { errors: [{ type: 'RATE_LIMITED' }] },
    });
    expect(limitedQuery.headers.get('x-ratelimit-resource')).toBe('graphql');
  });

  it('rate limits that Probot’s Octokit recognises and waits out', async () => {
    const { standin, token, pull } = await started();
    standin.faults.inject({ path: pull, fault: { secondaryRateLimit: { retryAfterSeconds: 1 } } });
    standin.faults.inject({ path: '/graphql', fault: { primaryRateLimit: { resetInSeconds: 1 } } });
    const seen: string[] = [];
    const octokit = new ProbotOctokit({
      auth: { token },
      baseUrl: standin.apiUrl,
      log: pino({ level: 'silent' }),
      retry: { enabled: false },
      throttle: {
        onSecondaryRateLimit: (retryAfter: number) => {
          seen.push(`secondary ${retryAfter}`);
          return true;
        },
        onRateLimit: () => {
          seen.push('primary');
          return true;
        },
      },
    });

    const { data } = await octokit.rest.pulls.get({
      owner: 'posture-demo',
      repo: 'infrastructure',
      pull_number: 42,
    });
    const answer = await octokit.graphql<{ rateLimit: { remaining: number } }>(
      'query Limits { rateLimit { remaining } }',
      { baseUrl: `http://${standin.host}/api` },
    );

    expect(data.number).toBe(42);
    expect(answer.rateLimit.remaining).toBe(4999);
    expect(seen).toEqual(['secondary 1', 'primary']);
  }, 15_000);

  it('resets the connection without an answer, then serves the next request', async () => {
    const { standin, token, pull } = await started();
    standin.faults.inject({ method: 'GET', path: pull, fault: { reset: true } });

    await expect(rest(standin, token, 'GET', pull)).rejects.toThrow();
    expect(standin.requests.at(-1)).toMatchObject({
      method: 'GET',
      status: 0,
      fault: { reset: true },
    });
    expect((await rest(standin, token, 'GET', pull)).status).toBe(200);
  });

  it('delays an answer, which still reaches the model', async () => {
    const { standin, token, run } = await started();
    standin.faults.inject({ method: 'PATCH', path: run, fault: { delayMs: 300 } });

    const start = Date.now();
    const answer = await rest(standin, token, 'PATCH', run, {
      status: 'completed',
      conclusion: 'neutral',
    });
    expect(Date.now() - start).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(200);
    expect(standin.requests.at(-1)).toMatchObject({ status: 200, fault: { delayMs: 300 } });
    expect(standin.checkRuns[0]?.conclusion).toBe('neutral');
  });

  it('hangs a request until the stand-in closes, which then closes promptly', async () => {
    const { standin, token, run } = await started();
    standin.faults.inject({ method: 'PATCH', path: run, fault: { hang: true } });

    const hung = rest(standin, token, 'PATCH', run, { status: 'completed', conclusion: 'success' });
    const recorded = await standin.waitForRequest({ method: 'PATCH', path: run });
    expect(recorded).toMatchObject({ status: 0, fault: { hang: true }, installationId: 777 });
    const outcome = await Promise.race([
      hung.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 200)),
    ]);
    expect(outcome).toBe('pending');

    const closing = Date.now();
    await standin.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    await expect(hung).rejects.toThrow();
    expect(standin.checkRuns[0]?.status).not.toBe('completed');
  });
});

describe('waiting for requests', () => {
  it('resolves on the Nth matching request, counting from the start or from a given index', async () => {
    const { standin, token, pull } = await started();
    const third = standin.waitForRequest({ method: 'GET', path: pull }, { count: 3 });
    for (let call = 0; call < 3; call++)
      await rest(standin, token, 'GET', `${pull}/files?page=${call + 1}`);
    expect((await third).path).toBe(
      '/api/v3/repos/posture-demo/infrastructure/pulls/42/files?page=3',
    );

    const since = standin.requests.length;
    const next = standin.waitForRequest({ path: /\/files$/ }, { since });
    await rest(standin, token, 'GET', `${pull}/files?page=9`);
    expect((await next).path).toContain('page=9');
  });

  it('fails a wait that times out or outlives the stand-in, saying what it waited for', async () => {
    const { standin } = await started();
    await expect(standin.waitForRequest({ method: 'DELETE' }, { timeoutMs: 50 })).rejects.toThrow(
      'saw 0 of 1 requests matching DELETE any path within 50 ms',
    );
    const pending = standin.waitForRequest({ operation: 'PostureBlobs' });
    await standin.close();
    await expect(pending).rejects.toThrow(
      'closed before a request matching any method any path operation PostureBlobs arrived',
    );
  });
});

describe('closing', () => {
  it('closes at once with an idle keep-alive connection open', async () => {
    const { standin, token } = await started();
    const agent = new Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        `${standin.apiUrl}/repos/posture-demo/infrastructure/pulls/42`,
        { agent, headers: { authorization: `token ${token}` } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(200);
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);

    const closing = Date.now();
    await standin.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    agent.destroy();
  });
});
