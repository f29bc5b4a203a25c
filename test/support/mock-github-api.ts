/**
 * GitHub's REST and GraphQL APIs on https://api.github.com, mocked with nock in front of the
 * stateful `FakeGitHub`: every request is recorded, and chosen calls can be made to fail. Any
 * request the fake does not know answers 404; with nock.disableNetConnect() nothing reaches the
 * network.
 */
import nock from 'nock';
import { FakeGitHub, type FakeGitHubOptions, type FakeResponse } from './fake-github.js';
import type { PullRequestFile, PullRequestFixture } from './pull-request-fixture.js';
import type { PayloadTarget } from './webhook-payloads.js';

export const GITHUB_API = 'https://api.github.com';

export interface ApiFailure {
  status: number;
  message: string;
}

export interface MockOptions extends Omit<
  FakeGitHubOptions,
  'fixture' | 'owner' | 'repo' | 'pullNumber' | 'repositoryId' | 'files'
> {
  fixture: PullRequestFixture;
  target: PayloadTarget;
  /** files listFiles returns; the fixture's files by default */
  files?: readonly PullRequestFile[];
  fail?: Partial<
    Record<'createCheckRun' | 'listFiles' | 'compare' | 'createReview' | 'graphql', ApiFailure>
  >;
}

export interface RecordedCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

export interface MockedGitHub {
  github: FakeGitHub;
  calls: RecordedCall[];
  checkRunCreates(): RecordedCall[];
  checkRunUpdates(): RecordedCall[];
  reviews(): RecordedCall[];
  /** GraphQL operations by name, in order */
  graphqlOperations(): string[];
}

export function mockGitHubApi({
  fixture,
  target,
  files,
  fail = {},
  ...options
}: MockOptions): MockedGitHub {
  const github = new FakeGitHub({
    ...options,
    fixture,
    owner: target.owner,
    repo: target.repo,
    pullNumber: target.pullNumber,
    repositoryId: target.repositoryId,
    ...(files ? { files } : {}),
  });
  const calls: RecordedCall[] = [];
  const repoPath = `/repos/${target.owner}/${target.repo}`;
  const failureFor = (method: string, path: string): ApiFailure | undefined => {
    const bare = path.split('?')[0] ?? path;
    if (method === 'POST' && bare === `${repoPath}/check-runs`) return fail.createCheckRun;
    if (method === 'GET' && bare === `${repoPath}/pulls/${target.pullNumber}/files`)
      return fail.listFiles;
    if (method === 'GET' && bare.startsWith(`${repoPath}/compare/`)) return fail.compare;
    if (method === 'POST' && bare === `${repoPath}/pulls/${target.pullNumber}/reviews`)
      return fail.createReview;
    if (method === 'POST' && bare === '/graphql') return fail.graphql;
    return undefined;
  };
  const answer = (method: string) =>
    function (path: string, body: nock.Body): [number, unknown, Record<string, string>] {
      const parsed = (typeof body === 'object' && body !== null ? body : {}) as Record<
        string,
        unknown
      >;
      calls.push({ method, path, body: parsed });
      const failure = failureFor(method, path);
      if (failure) return [failure.status, { message: failure.message }, {}];
      const url = new URL(path, GITHUB_API);
      const response: FakeResponse =
        url.pathname === '/graphql'
          ? github.graphql(parsed)
          : github.rest(method, url.pathname, url.searchParams, parsed);
      const headers = Object.fromEntries(
        Object.entries(response.headers ?? {}).map(([name, value]) => [
          name,
          value.replaceAll('{api}', GITHUB_API),
        ]),
      );
      return [response.status, response.body, headers];
    };

  const scope = nock(GITHUB_API).persist();
  scope
    .get(() => true)
    .query(true)
    .reply(answer('GET'));
  scope
    .post(() => true)
    .query(true)
    .reply(answer('POST'));
  scope
    .patch(() => true)
    .query(true)
    .reply(answer('PATCH'));
  scope
    .put(() => true)
    .query(true)
    .reply(answer('PUT'));
  scope
    .delete(() => true)
    .query(true)
    .reply(answer('DELETE'));

  const byWrite = (method: string, pattern: RegExp) => () =>
    calls.filter((call) => call.method === method && pattern.test(call.path));
  return {
    github,
    calls,
    checkRunCreates: byWrite('POST', /\/check-runs$/),
    checkRunUpdates: byWrite('PATCH', /\/check-runs\/\d+$/),
    reviews: byWrite('POST', /\/reviews$/),
    graphqlOperations: () =>
      calls
        .filter((call) => call.path === '/graphql')
        .map((call) => /^\s*(?:query|mutation)\s+(\w+)/.exec(String(call.body.query))?.[1] ?? ''),
  };
}
