import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  configuredOctokit,
  timedFetch,
  type GitHubClientObserver,
} from '../../src/server/github-client.js';

const API = 'https://api.github.com';
const SETTINGS = {
  requestTimeoutMs: 300,
  retries: 4,
  retryBaseMs: 5,
  writeIntervalMs: 0,
  maxRateLimitWaitMs: 5_000,
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function client(observer: GitHubClientObserver = {}) {
  const Octokit = configuredOctokit(SETTINGS, observer);
  return new Octokit({
    auth: 'ghs_test',
    baseUrl: API,
    request: { fetch: timedFetch(SETTINGS.requestTimeoutMs, observer) },
  });
}

describe('the GitHub client', () => {
  it('retries 5xx answers and gets through', async () => {
    nock(API).get('/repos/acme/infra/pulls/7').times(3).reply(502, { message: 'Bad Gateway' });
    nock(API).get('/repos/acme/infra/pulls/7').reply(200, { number: 7 });
    const { data } = await client().rest.pulls.get({
      owner: 'acme',
      repo: 'infra',
      pull_number: 7,
    });
    expect(data.number).toBe(7);
  });

  it('gives up after its retries, with the last answer', async () => {
    nock(API)
      .get('/repos/acme/infra/pulls/7')
      .times(5)
      .reply(503, { message: 'Service Unavailable' });
    await expect(
      client().rest.pulls.get({ owner: 'acme', repo: 'infra', pull_number: 7 }),
    ).rejects.toMatchObject({ status: 503 });
  });

  it('waits out a secondary rate limit for as long as retry-after says, and counts the wait', async () => {
    nock(API).post('/repos/acme/infra/pulls/7/reviews').reply(
      403,
      {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
      { 'retry-after': '1' },
    );
    nock(API).post('/repos/acme/infra/pulls/7/reviews').reply(200, { id: 1 });
    const waits: Array<[string, number]> = [];
    const started = Date.now();
    const { data } = await client({
      rateLimitWait: (kind, seconds) => waits.push([kind, seconds]),
    }).rest.pulls.createReview({
      owner: 'acme',
      repo: 'infra',
      pull_number: 7,
      event: 'COMMENT',
      body: 'x',
    });
    expect(data.id).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(waits).toEqual([['secondary', 1]]);
  });

  it('waits for a primary rate limit to reset when it resets soon', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 1;
    nock(API)
      .get('/repos/acme/infra/pulls/7')
      .reply(
        403,
        { message: 'API rate limit exceeded for installation ID 1.' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      );
    nock(API).get('/repos/acme/infra/pulls/7').reply(200, { number: 7 });
    const waits: string[] = [];
    const { data } = await client({ rateLimitWait: (kind) => waits.push(kind) }).rest.pulls.get({
      owner: 'acme',
      repo: 'infra',
      pull_number: 7,
    });
    expect(data.number).toBe(7);
    expect(waits).toEqual(['primary']);
  });

  it('does not wait for a primary rate limit that resets later than it may wait', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 3600;
    nock(API)
      .get('/repos/acme/infra/pulls/7')
      .reply(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      );
    await expect(
      client().rest.pulls.get({ owner: 'acme', repo: 'infra', pull_number: 7 }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('the GitHub client against a server that hangs', () => {
  let server: Server;
  let requests = 0;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    server = createServer((request) => {
      requests += 1;
      // Answer the last try only: the others hang until the client gives up on them.
      if (requests === 3)
        request.socket.end(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 13\r\n\r\n{"number": 7}',
        );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      nock.disableNetConnect();
    };
  });

  it('times each try out and retries it', async () => {
    const { port } = server.address() as AddressInfo;
    const Octokit = configuredOctokit(SETTINGS);
    const octokit = new Octokit({
      auth: 'ghs_test',
      baseUrl: `http://127.0.0.1:${port}`,
      request: { fetch: timedFetch(SETTINGS.requestTimeoutMs) },
    });
    const { data } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'infra', pull_number: 7 });
    expect(data.number).toBe(7);
    expect(requests).toBe(3);
  });
});
