import nock from 'nock';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { abortable } from '../../src/jobs/abortable-client.js';
import type { GitHubClient } from '../../src/review/review-target.js';

const API = 'https://api.github.com';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function client(signal: AbortSignal): GitHubClient {
  return abortable(new Octokit({ auth: 'ghs_test' }) as unknown as GitHubClient, signal);
}

describe('a GitHub client tied to a job', () => {
  it('drops a read in flight as soon as the job stops', async () => {
    nock(API).get('/repos/acme/infra/pulls/7').delay(2_000).reply(200, { number: 7 });
    const controller = new AbortController();
    const reading = client(controller.signal).rest.pulls.get({
      owner: 'acme',
      repo: 'infra',
      pull_number: 7,
    });
    setTimeout(() => controller.abort({ kind: 'superseded', by: 'b'.repeat(40) }), 50);
    const started = Date.now();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('lets a write in flight finish and returns its answer, so no check run is left unknown', async () => {
    nock(API).post('/repos/acme/infra/check-runs').delay(300).reply(201, { id: 5001 });
    const controller = new AbortController();
    const octokit = client(controller.signal);
    const creating = octokit.rest.checks.create({
      owner: 'acme',
      repo: 'infra',
      name: 'Posture',
      head_sha: 'a'.repeat(40),
    });
    setTimeout(() => controller.abort({ kind: 'superseded', by: 'b'.repeat(40) }), 50);
    expect((await creating).data.id).toBe(5001);
    // Nothing new starts once the job stopped.
    await expect(
      octokit.rest.pulls.get({ owner: 'acme', repo: 'infra', pull_number: 7 }),
    ).rejects.toEqual({ kind: 'superseded', by: 'b'.repeat(40) });
  });
});
