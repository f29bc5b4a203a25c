/**
 * GitHub's REST API for one pull request, mocked with nock on https://api.github.com: paginated
 * changed files with Link headers, blobs by SHA, pull request lookups, and the writes Posture
 * makes (check runs, reviews), which are recorded. Any request without a mock fails, as with
 * nock.disableNetConnect() nothing reaches the network.
 */
import nock from 'nock';
import type { PullRequestFile, PullRequestFixture } from './pull-request-fixture.js';
import type { PayloadTarget } from './webhook-payloads.js';

export const GITHUB_API = 'https://api.github.com';

export interface ApiFailure {
  status: number;
  message: string;
}

export interface MockOptions {
  fixture: PullRequestFixture;
  target: PayloadTarget;
  /** files listFiles returns; the fixture's files by default */
  files?: readonly PullRequestFile[];
  /** the pull request as pulls.get and commits/{sha}/pulls report it */
  pullRequest?: { state?: 'open' | 'closed'; headSha?: string };
  fail?: Partial<Record<'createCheckRun' | 'listFiles' | 'createReview', ApiFailure>>;
  /** `.security.yml` of the org's .github repository and of the repository at the base commit; absent files answer 404 */
  policy?: { org?: string; base?: string };
}

export interface RecordedCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

export interface MockedGitHub {
  calls: RecordedCall[];
  checkRunCreates(): RecordedCall[];
  checkRunUpdates(): RecordedCall[];
  reviews(): RecordedCall[];
}

export function mockGitHubApi({ fixture, target, files = fixture.files, pullRequest = {}, fail = {}, policy = {} }: MockOptions): MockedGitHub {
  const calls: RecordedCall[] = [];
  const repoPath = `/repos/${target.owner}/${target.repo}`;
  let nextCheckRunId = 100;
  const record = (method: string) =>
    function (this: unknown, path: string, body: nock.Body) {
      calls.push({ method, path, body: (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown> });
    };
  const failOr = <T>(failure: ApiFailure | undefined, status: number, reply: () => T): [number, T | { message: string }] =>
    failure ? [failure.status, { message: failure.message }] : [status, reply()];
  const pullRequestJson = () => ({
    number: target.pullNumber,
    state: pullRequest.state ?? 'open',
    draft: false,
    changed_files: target.changedFiles,
    head: { sha: pullRequest.headSha ?? target.headSha, ref: 'feature' },
    base: { sha: target.baseSha, ref: 'main', repo: { id: target.repositoryId } },
  });

  const fileReply = (text: string | undefined): [number, object] =>
    text === undefined
      ? [404, { message: 'Not Found' }]
      : [200, { type: 'file', encoding: 'base64', path: '.security.yml', content: Buffer.from(text).toString('base64') }];

  nock(GITHUB_API)
    .persist()
    .get(`/repos/${target.owner}/.github/contents/.security.yml`)
    .reply((path) => {
      record('GET')(path, {});
      return fileReply(policy.org);
    })
    .get(`${repoPath}/contents/.security.yml`)
    .query(true)
    .reply((path) => {
      record('GET')(path, {});
      const ref = new URL(path, GITHUB_API).searchParams.get('ref');
      return fileReply(ref === target.baseSha ? policy.base : undefined);
    })
    .post(`${repoPath}/check-runs`)
    .reply((path, body) => {
      record('POST')(path, body);
      return failOr(fail.createCheckRun, 201, () => ({ id: ++nextCheckRunId }));
    })
    .patch(new RegExp(`^${repoPath}/check-runs/\\d+$`))
    .reply((path, body) => {
      record('PATCH')(path, body);
      return [200, { id: Number(path.split('/').pop()) }];
    })
    .post(`${repoPath}/pulls/${target.pullNumber}/reviews`)
    .reply((path, body) => {
      record('POST')(path, body);
      return failOr(fail.createReview, 200, () => ({ id: 1, state: 'COMMENTED' }));
    })
    .get(`${repoPath}/pulls/${target.pullNumber}/files`)
    .query(true)
    .reply((path) => {
      record('GET')(path, {});
      if (fail.listFiles) return [fail.listFiles.status, { message: fail.listFiles.message }];
      const query = new URL(path, GITHUB_API).searchParams;
      const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
      const page = Number(query.get('page') ?? 1);
      const listable = files.slice(0, 3000);
      const lastPage = Math.max(1, Math.ceil(listable.length / perPage));
      const link = (n: number, rel: string) => `<${GITHUB_API}${repoPath}/pulls/${target.pullNumber}/files?per_page=${perPage}&page=${n}>; rel="${rel}"`;
      const headers = page < lastPage ? { link: `${link(page + 1, 'next')}, ${link(lastPage, 'last')}` } : {};
      return [200, listable.slice((page - 1) * perPage, page * perPage), headers];
    })
    .get(new RegExp(`^${repoPath}/git/blobs/[0-9a-f]{40}$`))
    .reply((path) => {
      record('GET')(path, {});
      const sha = path.split('/').pop() ?? '';
      const content = fixture.blobs.get(sha);
      if (content === undefined) return [404, { message: 'Not Found' }];
      return [200, { sha, size: Buffer.byteLength(content), encoding: 'base64', content: Buffer.from(content).toString('base64') }];
    })
    .get(`${repoPath}/pulls/${target.pullNumber}`)
    .reply((path) => {
      record('GET')(path, {});
      return [200, pullRequestJson()];
    })
    .get(new RegExp(`^${repoPath}/commits/[0-9a-f]{40}/pulls$`))
    .reply((path) => {
      record('GET')(path, {});
      return [200, path.includes(target.headSha) ? [pullRequestJson()] : []];
    });

  const byWrite = (method: string, pattern: RegExp) => () => calls.filter((call) => call.method === method && pattern.test(call.path));
  return {
    calls,
    checkRunCreates: byWrite('POST', /\/check-runs$/),
    checkRunUpdates: byWrite('PATCH', /\/check-runs\/\d+$/),
    reviews: byWrite('POST', /\/reviews$/),
  };
}
