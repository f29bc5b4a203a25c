/**
 * A small stand-in for the GitHub REST API of a GitHub Enterprise host, on 127.0.0.1 only.
 * It serves one repository with one pull request built from two trees, issues installation
 * tokens to a correctly signed app JWT, validates writes the way GitHub does where Posture
 * relies on it (50 annotations per request, summary size, comments inside the diff), and
 * records every request for assertions and for the demo.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { buildPullRequest, type PullRequestFixture, type Tree } from './pull-request-fixture.js';
import type { PayloadTarget } from './webhook-payloads.js';
import { applyCheckRunWrite, HttpProblem, isValidAppJwt, validateCheckRunWrite } from './github-rules.js';

const API_PREFIX = '/api/v3';

export interface StandinOptions {
  base: Tree;
  head: Tree;
  owner?: string;
  repo?: string;
  pullNumber?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface StandinAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: string;
  title?: string;
  message: string;
}

export interface StandinCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at?: string;
  completed_at?: string;
  output: { title?: string; summary?: string };
  annotations: StandinAnnotation[];
}

export interface StandinReviewComment {
  path: string;
  line: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  body: string;
}

export interface StandinReview {
  id: number;
  commit_id: string;
  event: string;
  body: string;
  comments: StandinReviewComment[];
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
  requests: RecordedRequest[];
  checkRuns: StandinCheckRun[];
  reviews: StandinReview[];
  waitFor<T>(probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

interface Route {
  method: string;
  pattern: RegExp;
  handle(match: RegExpExecArray, body: unknown, url: URL, request: IncomingMessage): [number, unknown, Record<string, string>?];
}

export async function startGitHubStandin(options: StandinOptions): Promise<GitHubStandin> {
  const owner = options.owner ?? 'posture-demo';
  const repo = options.repo ?? 'infrastructure';
  const pullNumber = options.pullNumber ?? 42;
  const appId = 4242;
  const installationId = 777;
  const fixture = buildPullRequest(options.base, options.head);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const issuedTokens = new Set<string>();
  const requests: RecordedRequest[] = [];
  const checkRuns: StandinCheckRun[] = [];
  const reviews: StandinReview[] = [];
  const target: PayloadTarget = {
    owner,
    repo,
    repositoryId: 9001,
    installationId,
    pullNumber,
    headSha: fixture.headSha,
    baseSha: fixture.baseSha,
    changedFiles: fixture.files.length,
  };
  let apiUrl = '';

  const repoPath = `/repos/${owner}/${repo}`;
  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/app\/installations\/(\d+)\/access_tokens$/,
      handle: (match, _body, _url, request) => {
        if (!isValidAppJwt(request.headers.authorization, publicKey, appId)) throw new HttpProblem(401, 'A JSON web token could not be decoded');
        if (Number(match[1]) !== installationId) throw new HttpProblem(404, 'Not Found');
        const token = `ghs_${randomBytes(18).toString('hex')}`;
        issuedTokens.add(token);
        const expiresAt = new Date(Date.now() + 3600_000).toISOString();
        return [201, { token, expires_at: expiresAt, permissions: { checks: 'write', pull_requests: 'write', contents: 'read', metadata: 'read' }, repository_selection: 'all' }];
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${repoPath}/pulls/${pullNumber}$`),
      handle: () => [200, pullRequestJson()],
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${repoPath}/pulls/${pullNumber}/files$`),
      handle: (_match, _body, url) => {
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
        const page = Number(url.searchParams.get('page') ?? 1);
        const listable = fixture.files.slice(0, 3000);
        const lastPage = Math.max(1, Math.ceil(listable.length / perPage));
        const link = (n: number, rel: string) => `<${apiUrl}${repoPath}/pulls/${pullNumber}/files?per_page=${perPage}&page=${n}>; rel="${rel}"`;
        const links = page < lastPage ? [link(page + 1, 'next'), link(lastPage, 'last')] : [];
        const headers: Record<string, string> = links.length > 0 ? { link: links.join(', ') } : {};
        return [200, listable.slice((page - 1) * perPage, page * perPage), headers];
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${repoPath}/git/blobs/([0-9a-f]{40})$`),
      handle: (match) => {
        const sha = match[1] as string;
        const content = fixture.blobs.get(sha);
        if (content === undefined) throw new HttpProblem(404, 'Not Found');
        return [200, { sha, node_id: sha, size: Buffer.byteLength(content), url: `${apiUrl}${repoPath}/git/blobs/${sha}`, content: Buffer.from(content).toString('base64'), encoding: 'base64' }];
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${repoPath}/commits/([0-9a-f]{40})/pulls$`),
      handle: (match) => [200, match[1] === fixture.headSha ? [pullRequestJson()] : []],
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${repoPath}/check-runs$`),
      handle: (_match, body) => {
        const input = body as Record<string, unknown>;
        validateCheckRunWrite(input);
        const run: StandinCheckRun = {
          id: 5000 + checkRuns.length + 1,
          name: String(input.name),
          head_sha: String(input.head_sha),
          status: String(input.status ?? 'queued'),
          conclusion: null,
          output: {},
          annotations: [],
        };
        applyCheckRunWrite(run, input);
        checkRuns.push(run);
        return [201, run];
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^${repoPath}/check-runs/(\\d+)$`),
      handle: (match, body) => {
        const run = checkRuns.find((candidate) => candidate.id === Number(match[1]));
        if (!run) throw new HttpProblem(404, 'Not Found');
        const input = body as Record<string, unknown>;
        validateCheckRunWrite(input);
        applyCheckRunWrite(run, input);
        return [200, run];
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${repoPath}/pulls/${pullNumber}/reviews$`),
      handle: (_match, body) => {
        const input = body as { commit_id?: string; event?: string; body?: string; comments?: StandinReviewComment[] };
        if (input.commit_id !== fixture.headSha) throw new HttpProblem(422, 'commit_id is not part of the pull request');
        if ((input.event === 'COMMENT' || input.event === 'REQUEST_CHANGES') && !input.body) throw new HttpProblem(422, 'body is required');
        for (const comment of input.comments ?? []) validateReviewComment(comment);
        const review: StandinReview = {
          id: 8000 + reviews.length + 1,
          commit_id: input.commit_id,
          event: input.event ?? 'PENDING',
          body: input.body ?? '',
          comments: input.comments ?? [],
        };
        reviews.push(review);
        return [200, { id: review.id, body: review.body, state: 'COMMENTED', commit_id: review.commit_id }];
      },
    },
  ];

  function pullRequestJson() {
    const repository = { id: target.repositoryId, name: repo, full_name: `${owner}/${repo}`, owner: { login: owner } };
    return {
      number: pullNumber,
      state: 'open',
      draft: false,
      title: 'Harden the web role',
      changed_files: fixture.files.length,
      head: { sha: fixture.headSha, ref: 'feature', repo: repository },
      base: { sha: fixture.baseSha, ref: 'main', repo: repository },
    };
  }

  function validateReviewComment(comment: StandinReviewComment): void {
    const ranges = fixture.hunks.get(comment.path);
    if (!ranges) throw new HttpProblem(422, 'Path could not be resolved');
    const hunk = ranges.find((range) => comment.line >= range.start && comment.line <= range.end);
    if (!hunk || comment.side !== 'RIGHT') throw new HttpProblem(422, 'Pull request review thread line must be part of the diff');
    if (comment.start_line !== undefined) {
      if (comment.start_line >= comment.line || comment.start_line < hunk.start) {
        throw new HttpProblem(422, 'Pull request review thread start line must be part of the same hunk as the line');
      }
    }
  }

  const server = createServer((request, response) => {
    void serve(request, response);
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    let body: unknown = undefined;
    let status = 500;
    let payload: unknown;
    let headers: Record<string, string> = {};
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
      if (!url.pathname.startsWith(API_PREFIX)) throw new HttpProblem(404, 'Not Found');
      const path = url.pathname.slice(API_PREFIX.length);
      const route = routes.find((candidate) => candidate.method === request.method && candidate.pattern.test(path));
      if (!route) throw new HttpProblem(404, 'Not Found');
      if (!path.startsWith('/app/')) requireInstallationToken(request.headers.authorization);
      [status, payload, headers = {}] = route.handle(route.pattern.exec(path) as RegExpExecArray, body, url, request);
    } catch (error) {
      status = error instanceof HttpProblem ? error.status : 500;
      payload = { message: error instanceof Error ? error.message : String(error), documentation_url: 'https://docs.github.com/rest' };
    }
    requests.push({ method: request.method ?? 'GET', path: `${url.pathname}${url.search}`, status, body });
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(payload));
  }

  function requireInstallationToken(authorization: string | undefined): void {
    const token = /^token (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token || !issuedTokens.has(token)) throw new HttpProblem(401, 'Bad credentials');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  apiUrl = `http://${host}${API_PREFIX}`;

  return {
    host,
    apiUrl,
    appId,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    target,
    pullRequest: fixture,
    requests,
    checkRuns,
    reviews,
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
