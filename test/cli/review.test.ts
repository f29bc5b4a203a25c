/**
 * `posture review <pull request URL>`: the App's review of a pull request on GitHub (nock in front
 * of the fake GitHub here), printed instead of posted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parsePullRequestUrl } from '../../src/cli/pull-request-url.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { INSECURE_DOWNLOAD, pullRequestOf, targetFor } from '../github/pull-requests.js';
import { runCaptured } from './support/run-captured.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('posture review', () => {
  it('prints the check run and the review the App would post, and posts nothing', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });

    const run = await runCaptured(
      ['review', 'https://github.com/acme/infra/pull/7'],
      process.cwd(),
      { env: { GITHUB_TOKEN: 'ghp_read_only_token' } },
    );

    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      'Dry run of Posture on https://github.com/acme/infra/pull/7: nothing was posted.',
    );
    expect(run.stdout).toContain('Check run "Posture": failure — 1 high, 2 medium findings');
    expect(run.stdout).toMatch(/Review with \d+ inline comments:/);
    expect(run.stdout).not.toContain('ghp_read_only_token');
    expect(github.github.checkRuns).toEqual([]);
    expect(github.github.reviews).toEqual([]);
  });

  it('writes the same as JSON', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    mockGitHubApi({ fixture, target: targetFor(fixture) });
    const run = await runCaptured(
      ['review', 'https://github.com/acme/infra/pull/7', '--format', 'json'],
      process.cwd(),
      { env: { GH_TOKEN: 'ghp_token' } },
    );
    const outcome = JSON.parse(run.stdout) as { outcome: string; checkRun: { conclusion: string } };
    expect(outcome).toMatchObject({ outcome: 'reviewed', checkRun: { conclusion: 'failure' } });
  });

  it('judges by a local policy file when given one, to try a policy before committing it', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    mockGitHubApi({ fixture, target: targetFor(fixture) });
    const folder = mkdtempSync(path.join(tmpdir(), 'posture-review-'));
    writeFileSync(path.join(folder, 'trial.yml'), 'fail_on: critical\n');
    const run = await runCaptured(
      ['review', 'https://github.com/acme/infra/pull/7', '-c', 'trial.yml'],
      folder,
      { env: { GITHUB_TOKEN: 't' } },
    );
    expect(run.stdout).toContain('Check run "Posture": success');
    expect(run.exitCode).toBe(0);
  });

  it('needs a token, and a pull request URL', async () => {
    const withoutToken = await runCaptured(
      ['review', 'https://github.com/acme/infra/pull/7'],
      process.cwd(),
      { env: {} },
    );
    expect(withoutToken.exitCode).toBe(2);
    expect(withoutToken.stderr).toContain('set GITHUB_TOKEN');
    const notAPullRequest = await runCaptured(
      ['review', 'https://github.com/acme/infra/issues/7'],
      process.cwd(),
      { env: { GITHUB_TOKEN: 't' } },
    );
    expect(notAPullRequest.exitCode).toBe(2);
    expect(notAPullRequest.stderr).toContain('not a pull request URL');
  });

  it('reads GitHub Enterprise Server pull requests from their /api/v3 root', () => {
    expect(parsePullRequestUrl('https://ghe.example.com/platform/infra/pull/12')).toEqual({
      baseUrl: 'https://ghe.example.com/api/v3',
      owner: 'platform',
      repo: 'infra',
      pullNumber: 12,
    });
    expect(parsePullRequestUrl('https://github.com/acme/infra/pull/7/files')).toMatchObject({
      baseUrl: 'https://api.github.com',
      pullNumber: 7,
    });
  });

  it('sends the token over plain HTTP to this machine only', () => {
    expect(() => parsePullRequestUrl('http://ghe.example.com/platform/infra/pull/12')).toThrow(
      'refusing to send the GitHub token to ghe.example.com over plain HTTP',
    );
    expect(parsePullRequestUrl('http://127.0.0.1:8080/platform/infra/pull/12').baseUrl).toBe(
      'http://127.0.0.1:8080/api/v3',
    );
  });
});
