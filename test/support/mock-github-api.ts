/**
 * GitHub's REST and GraphQL APIs on https://api.github.com, mocked with nock in front of the
 * stateful `FakeGitHub`: every request is recorded, and chosen calls can be made to fail. Any
 * request the fake does not know answers 404; with nock.disableNetConnect() nothing reaches the
 * network.
 */
import nock from 'nock';
import { FakeGitHub, type FakeGitHubOptions, type FakeResponse } from './fake-github.js';
import { NOT_FOUND } from './github-model/routes.js';
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

/**
 * Answers every request to https://api.github.com from a `FakeGitHub`: the one `fakeFor` picks by
 * the request's path, or 404 when it picks none. `before` sees each request first, and may answer
 * it instead (a fault).
 */
export function serveApi(
  before: (method: string, path: string, body: Record<string, unknown>) => FakeResponse | undefined,
  fakeFor: (pathname: string) => FakeGitHub | undefined,
): void {
  const answer = (method: string) =>
    function (path: string, body: nock.Body): [number, unknown, Record<string, string>] {
      const parsed = (typeof body === 'object' && body !== null ? body : {}) as Record<
        string,
        unknown
      >;
      const url = new URL(path, GITHUB_API);
      const github = fakeFor(url.pathname);
      const response: FakeResponse =
        before(method, path, parsed) ??
        (!github
          ? NOT_FOUND
          : url.pathname === '/graphql'
            ? github.graphql(parsed)
            : github.rest(method, url.pathname, url.searchParams, parsed));
      const headers = Object.fromEntries(
        Object.entries(response.headers ?? {}).map(([name, value]) => [
          name,
          value.replaceAll('{api}', GITHUB_API),
        ]),
      );
      return [response.status, response.body, headers];
    };
  const scope = nock(GITHUB_API).persist();
  for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const)
    scope[method](() => true)
      .query(true)
      .reply(answer(method.toUpperCase()));
}

/**
 * Several pull requests of one repository: a request about a pull request (or its conversation)
 * goes to that one, everything else to the first, which serves the repository they share. Each
 * path requested goes to `requested`; `before` may answer a request instead (a fault).
 */
export function servePullRequests(
  pulls: readonly FakeGitHub[],
  requested: (pathname: string) => void = () => undefined,
  before: (method: string, path: string) => FakeResponse | undefined = () => undefined,
): void {
  serveApi(
    (method, path) => before(method, path),
    (pathname) => {
      requested(pathname);
      const number = /\/(?:pulls|issues)\/(\d+)(?:\/|$)/.exec(pathname)?.[1];
      return number === undefined
        ? pulls[0]
        : pulls.find((candidate) => candidate.pullNumber === Number(number));
    },
  );
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
  serveApi(
    (method, path, body) => {
      calls.push({ method, path, body });
      const failure = failureFor(method, path);
      return failure ? { status: failure.status, body: { message: failure.message } } : undefined;
    },
    () => github,
  );

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
