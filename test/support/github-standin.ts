/**
 * A small stand-in for the GitHub API of a GitHub Enterprise host, on 127.0.0.1 only: REST under
 * `/api/v3`, GraphQL at `/api/graphql`, both answered by the stateful `FakeGitHub` for one
 * repository with one pull request built from two trees. It issues installation tokens to a
 * correctly signed app JWT, refuses calls without one, and records every request for assertions,
 * for the demo and for counting the calls a review makes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { FakeGitHub, type FakeGitHubOptions, type FakeResponse, type StandinCheckRun, type StandinReview } from './fake-github.js';
import { HttpProblem, isValidAppJwt } from './github-rules.js';
import { buildPullRequest, type FixtureOptions, type PullRequestFixture, type Tree } from './pull-request-fixture.js';
import type { PayloadTarget } from './webhook-payloads.js';

export type { StandinAnnotation, StandinCheckRun, StandinReview, StandinReviewComment } from './fake-github.js';

const API_PREFIX = '/api/v3';
const GRAPHQL_PATH = '/api/graphql';

export interface StandinOptions extends Omit<FakeGitHubOptions, 'fixture'> {
  base: Tree;
  head: Tree;
  fixture?: FixtureOptions;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface GitHubStandin {
  /** `host:port`, the value of GHE_HOST */
  host: string;
  /** REST root, `http://host:port/api/v3` */
  apiUrl: string;
  appId: number;
  /** the app's private key (PEM), generated for this run only */
  privateKey: string;
  target: PayloadTarget;
  pullRequest: PullRequestFixture;
  github: FakeGitHub;
  requests: RecordedRequest[];
  checkRuns: StandinCheckRun[];
  reviews: StandinReview[];
  waitFor<T>(probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * The environment `npm start` needs to run Posture as the stand-in's app, on a random port of
 * 127.0.0.1, with GitHub Enterprise settings pointing at the stand-in.
 */
export function appEnvironment(standin: Pick<GitHubStandin, 'appId' | 'privateKey' | 'host'>, webhookSecret: string): Record<string, string> {
  return {
    APP_ID: String(standin.appId),
    PRIVATE_KEY: standin.privateKey,
    WEBHOOK_SECRET: webhookSecret,
    GHE_HOST: standin.host,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: '0',
  };
}

export async function startGitHubStandin(options: StandinOptions): Promise<GitHubStandin> {
  const { base, head, fixture: fixtureOptions, ...fakeOptions } = options;
  const fixture = buildPullRequest(base, head, fixtureOptions);
  const github = new FakeGitHub({ owner: 'posture-demo', repo: 'infrastructure', pullNumber: 42, repositoryId: 9001, ...fakeOptions, fixture, htmlRoot: 'http://github.example.test' });
  const installationId = 777;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const issuedTokens = new Set<string>();
  const requests: RecordedRequest[] = [];
  const target: PayloadTarget = {
    owner: github.owner,
    repo: github.repo,
    repositoryId: github.repositoryId,
    installationId,
    pullNumber: github.pullNumber,
    headSha: fixture.headSha,
    baseSha: fixture.baseSha,
    changedFiles: fixture.files.length,
    author: github.author,
    htmlUrl: github.htmlUrl,
  };
  let apiUrl = '';

  function issueToken(request: IncomingMessage, path: string): FakeResponse {
    if (!isValidAppJwt(request.headers.authorization, publicKey, github.appId)) throw new HttpProblem(401, 'A JSON web token could not be decoded');
    if (path !== `/app/installations/${installationId}/access_tokens`) throw new HttpProblem(404, 'Not Found');
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    issuedTokens.add(token);
    const permissions = { checks: 'write', pull_requests: 'write', contents: 'read', metadata: 'read', members: 'read' };
    return { status: 201, body: { token, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions, repository_selection: 'all' } };
  }

  function requireInstallationToken(authorization: string | undefined): void {
    const token = /^(?:token|bearer) (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token || !issuedTokens.has(token)) throw new HttpProblem(401, 'Bad credentials');
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    let body: unknown = undefined;
    let answer: FakeResponse;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
      const method = request.method ?? 'GET';
      if (url.pathname === GRAPHQL_PATH && method === 'POST') {
        requireInstallationToken(request.headers.authorization);
        answer = github.graphql(body);
      } else if (url.pathname.startsWith(API_PREFIX)) {
        const path = url.pathname.slice(API_PREFIX.length);
        if (path.startsWith('/app/') && method === 'POST') answer = issueToken(request, path);
        else {
          requireInstallationToken(request.headers.authorization);
          answer = github.rest(method, path, url.searchParams, body);
        }
      } else throw new HttpProblem(404, 'Not Found');
    } catch (error) {
      const status = error instanceof HttpProblem ? error.status : 500;
      answer = { status, body: { message: error instanceof Error ? error.message : String(error), documentation_url: 'https://docs.github.com/rest' } };
    }
    requests.push({ method: request.method ?? 'GET', path: `${url.pathname}${url.search}`, status: answer.status, body });
    const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([name, value]) => [name, value.replaceAll('{api}', apiUrl)]));
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(answer.body));
  }

  const server = createServer((request, response) => {
    void serve(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  apiUrl = `http://${host}${API_PREFIX}`;

  return {
    host,
    apiUrl,
    appId: github.appId,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    target,
    get pullRequest() {
      return github.fixture;
    },
    github,
    requests,
    checkRuns: github.checkRuns,
    reviews: github.reviews,
    waitFor: (probe, timeoutMs = 15_000) => waitFor(probe, timeoutMs),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function waitFor<T>(probe: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`the GitHub stand-in did not see the expected state within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
