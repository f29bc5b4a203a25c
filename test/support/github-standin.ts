/**
 * A stand-in for the GitHub API of a GitHub Enterprise host, on 127.0.0.1 only: REST under
 * `/api/v3`, GraphQL at `/api/graphql`, answered by a fake GitHub instance
 * (github-model/instance.ts) that holds one or more repositories, each with its pull requests,
 * owned by installations of the app. It issues installation tokens to a correctly signed app JWT,
 * each scoped to its installation's repositories, refuses calls without one, injects faults
 * (standin/faults.ts) and records every request for assertions, for the demo and for counting
 * the calls a review makes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import type {
  FakeGitHub,
  FakeGitHubOptions,
  FakeResponse,
  StandinCheckRun,
  StandinReview,
} from './fake-github.js';
import { FakeGitHubInstance } from './github-model/instance.js';
import { HttpProblem, isValidAppJwt } from './github-rules.js';
import {
  buildPullRequest,
  type FixtureOptions,
  type PullRequestFixture,
  type Tree,
} from './pull-request-fixture.js';
import { faultAnswer, StandinFaults, type Fault } from './standin/faults.js';
import { InstallationTokens } from './standin/installation-tokens.js';
import {
  RequestLog,
  type RecordedRequest,
  type WaitForRequestOptions,
} from './standin/request-log.js';
import { operationNameOf, type RequestMatcher } from './standin/request-matcher.js';
import type { PayloadTarget } from './webhook-payloads.js';

export type {
  StandinAnnotation,
  StandinCheckRun,
  StandinReview,
  StandinReviewComment,
} from './fake-github.js';
export type { Fault, FaultInjection, InjectedFault } from './standin/faults.js';
export type { RecordedRequest, WaitForRequestOptions } from './standin/request-log.js';
export type { RequestMatcher } from './standin/request-matcher.js';
export { signAppJwt } from './standin/app-jwt.js';

const MANIFEST_PERMISSIONS = (
  parseYaml(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as {
    default_permissions: Record<string, string>;
  }
).default_permissions;

const API_PREFIX = '/api/v3';
const GRAPHQL_PATH = '/api/graphql';
const FIRST_INSTALLATION_ID = 777;
const HTML_ROOT = 'http://github.example.test';

interface PullRequestTrees {
  base: Tree;
  head: Tree;
  fixture?: FixtureOptions;
}

/** The first repository: `posture-demo/infrastructure`, pull request #42, installation 777, unless the options say otherwise. */
export interface StandinOptions
  extends
    Omit<FakeGitHubOptions, 'fixture' | 'repository' | 'organizationTeams'>,
    PullRequestTrees {
  installationId?: number;
}

/** Another repository (or another pull request of a repository already there, with the same owner and repo). */
export interface RepositoryOptions
  extends
    Omit<
      FakeGitHubOptions,
      'fixture' | 'repository' | 'organizationTeams' | 'owner' | 'repo' | 'appId' | 'htmlRoot'
    >,
    PullRequestTrees {
  owner: string;
  repo: string;
  /** the app's installation on `owner`: the one already there, or a new one by default */
  installationId?: number;
}

export interface PushOptions {
  /** the new base tree; the current one by default */
  base?: Tree;
  fixture?: FixtureOptions;
  /** a force push: the new head does not descend from the previous one */
  force?: boolean;
}

/** One pull request of the stand-in, with what a test needs to drive it. */
export interface StandinRepository {
  readonly installationId: number;
  readonly github: FakeGitHub;
  /** webhook payload target for the pull request's current head and base */
  readonly target: PayloadTarget;
  readonly pullRequest: PullRequestFixture;
  readonly checkRuns: StandinCheckRun[];
  readonly reviews: StandinReview[];
  /** Pushes a new head tree to the pull request and returns the new fixture. */
  push(head: Tree, options?: PushOptions): PullRequestFixture;
}

export interface StandinFaultControls {
  /**
   * Faults the requests matching `method`/`path`/`operation`/`installationId`, `times` times
   * (once by default), after letting `after` of them through (none by default).
   */
  inject: StandinFaults['inject'];
  clear(): void;
}

export interface GitHubStandin extends StandinRepository {
  /** `host:port`, the value of GHE_HOST */
  host: string;
  /** REST root, `http://host:port/api/v3` */
  apiUrl: string;
  appId: number;
  /** the app's private key (PEM), generated for this run only */
  privateKey: string;
  /** the first repository first, then the ones `addRepository` added */
  readonly repositories: readonly StandinRepository[];
  addRepository(options: RepositoryOptions): StandinRepository;
  faults: StandinFaultControls;
  requests: RecordedRequest[];
  /** Resolves with the `count`th recorded request that matches (answered, or faulted). */
  waitForRequest(
    matcher: RequestMatcher,
    options?: WaitForRequestOptions,
  ): Promise<RecordedRequest>;
  waitFor<T>(probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  /** Closes every connection, hung and keep-alive ones included, and stops listening. */
  close(): Promise<void>;
}

/**
 * The environment `npm start` needs to run Posture as the stand-in's app, on a random port of
 * 127.0.0.1, with GitHub Enterprise settings pointing at the stand-in.
 */
export function appEnvironment(
  standin: Pick<GitHubStandin, 'appId' | 'privateKey' | 'host'>,
  webhookSecret: string,
): Record<string, string> {
  return {
    APP_ID: String(standin.appId),
    PRIVATE_KEY: standin.privateKey,
    WEBHOOK_SECRET: webhookSecret,
    GHE_HOST: standin.host,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: '0',
    // Each server its own embedded queue, which nothing else may open.
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'posture-data-')),
    // The stand-in has no write limits worth a second between writes.
    GITHUB_WRITE_INTERVAL_MS: '50',
  };
}

export async function startGitHubStandin(options: StandinOptions): Promise<GitHubStandin> {
  const {
    base,
    head,
    fixture: fixtureOptions,
    installationId = FIRST_INSTALLATION_ID,
    ...fakeOptions
  } = options;
  const instance = new FakeGitHubInstance();
  const first = instance.addPullRequest({
    owner: 'posture-demo',
    repo: 'infrastructure',
    pullNumber: 42,
    repositoryId: 9001,
    ...fakeOptions,
    installationId,
    fixture: buildPullRequest(base, head, fixtureOptions),
    htmlRoot: HTML_ROOT,
  });
  const appId = first.appId;
  const repositories = [repositoryHandle(first, installationId)];
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const tokens = new InstallationTokens();
  const faults = new StandinFaults();
  const log = new RequestLog();
  const wakeSleepers = new Set<() => void>();
  let closed = false;
  let apiUrl = '';

  function appRoute(request: IncomingMessage, method: string, path: string): FakeResponse {
    if (!isValidAppJwt(request.headers.authorization, publicKey, appId))
      throw new HttpProblem(401, 'A JSON web token could not be decoded');
    const installation =
      method === 'POST'
        ? /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path)?.[1]
        : undefined;
    if (installation === undefined || !instance.installation(Number(installation)))
      throw new HttpProblem(404, 'Not Found');
    const { token, expiresAt } = tokens.issue(Number(installation));
    // The installation has granted what the app's manifest asks for.
    const permissions = MANIFEST_PERMISSIONS;
    return {
      status: 201,
      body: { token, expires_at: expiresAt, permissions, repository_selection: 'all' },
    };
  }

  function route(
    request: IncomingMessage,
    url: URL,
    body: unknown,
    installationId: number | undefined,
  ): FakeResponse {
    const method = request.method ?? 'GET';
    if (url.pathname === GRAPHQL_PATH && method === 'POST') {
      if (installationId === undefined)
        throw new HttpProblem(401, 'This endpoint requires you to be authenticated.');
      return instance.graphql(body, installationId);
    }
    if (!url.pathname.startsWith(API_PREFIX)) throw new HttpProblem(404, 'Not Found');
    const path = url.pathname.slice(API_PREFIX.length);
    if (path.startsWith('/app/')) return appRoute(request, method, path);
    if (installationId === undefined) throw new HttpProblem(401, 'Bad credentials');
    return instance.rest(method, path, url.searchParams, body, installationId);
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const raw = await readBody(request);
    const body = parseJson(raw);
    const graphql = url.pathname === GRAPHQL_PATH;
    const installationId = tokens.installationOf(request.headers.authorization);
    const operation = graphql ? operationNameOf(body) : undefined;
    const record = (status: number, fault: Fault | undefined) =>
      log.record({
        method,
        path: `${url.pathname}${url.search}`,
        status,
        body: body === INVALID_JSON ? raw : body,
        ...(operation ? { operation } : {}),
        ...(installationId === undefined ? {} : { installationId }),
        ...(fault ? { fault } : {}),
      });

    const apiPath = graphql
      ? '/graphql'
      : url.pathname.startsWith(API_PREFIX)
        ? url.pathname.slice(API_PREFIX.length)
        : url.pathname;
    const fault = faults.take({
      method,
      apiPath,
      ...(operation ? { operation } : {}),
      ...(installationId === undefined ? {} : { installationId }),
    });
    if (fault && 'reset' in fault) {
      record(0, fault);
      request.socket.destroy();
      return;
    }
    if (fault && 'hang' in fault) {
      record(0, fault);
      return;
    }
    if (fault && 'delayMs' in fault) await sleep(fault.delayMs);
    if (closed) return;

    let answer: FakeResponse;
    try {
      if (body === INVALID_JSON) throw new HttpProblem(400, 'Problems parsing JSON');
      const faulted =
        fault &&
        faultAnswer(fault, {
          graphql,
          ...(installationId === undefined ? {} : { installationId }),
        });
      if (faulted && fault && 'afterHandling' in fault && fault.afterHandling)
        route(request, url, body, installationId);
      answer = faulted ?? route(request, url, body, installationId);
    } catch (error) {
      const status = error instanceof HttpProblem ? error.status : 500;
      answer = {
        status,
        body: {
          message: error instanceof Error ? error.message : String(error),
          documentation_url: 'https://docs.github.com/rest',
        },
      };
    }
    record(answer.status, fault);
    const headers = Object.fromEntries(
      Object.entries(answer.headers ?? {}).map(([name, value]) => [
        name,
        value.replaceAll('{api}', apiUrl),
      ]),
    );
    response.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      ...headers,
    });
    response.end(JSON.stringify(answer.body));
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakeSleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakeSleepers.add(wake);
    });
  }

  const server = createServer((request, response) => {
    serve(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  apiUrl = `http://${host}${API_PREFIX}`;
  let closing: Promise<void> | undefined;

  return {
    host,
    apiUrl,
    appId,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    installationId,
    github: first,
    get target() {
      return targetOf(first, installationId);
    },
    get pullRequest() {
      return first.fixture;
    },
    checkRuns: first.checkRuns,
    reviews: first.reviews,
    push: (pushedHead, pushOptions) =>
      (repositories[0] as StandinRepository).push(pushedHead, pushOptions),
    repositories,
    addRepository: ({
      base: addedBase,
      head: addedHead,
      fixture: addedFixture,
      installationId: requested,
      ...rest
    }) => {
      const id =
        requested ??
        instance.installationOn(rest.owner)?.id ??
        Math.max(FIRST_INSTALLATION_ID, ...instance.installations.map((known) => known.id)) + 1;
      const github = instance.addPullRequest({
        ...rest,
        installationId: id,
        appId,
        htmlRoot: HTML_ROOT,
        fixture: buildPullRequest(addedBase, addedHead, addedFixture),
      });
      const handle = repositoryHandle(github, id);
      repositories.push(handle);
      return handle;
    },
    faults: { inject: (injection) => faults.inject(injection), clear: () => faults.clear() },
    requests: log.requests,
    waitForRequest: (matcher, waitOptions) => log.waitForRequest(matcher, waitOptions),
    waitFor: (probe, timeoutMs = 15_000) => waitFor(probe, timeoutMs),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        closed = true;
        faults.clear();
        log.close();
        for (const wake of [...wakeSleepers]) wake();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function repositoryHandle(github: FakeGitHub, installationId: number): StandinRepository {
  return {
    installationId,
    github,
    get target() {
      return targetOf(github, installationId);
    },
    get pullRequest() {
      return github.fixture;
    },
    checkRuns: github.checkRuns,
    reviews: github.reviews,
    push(head, options = {}) {
      const fixture = buildPullRequest(options.base ?? github.fixture.base, head, options.fixture);
      github.push(fixture, { force: options.force ?? false });
      return fixture;
    },
  };
}

function targetOf(github: FakeGitHub, installationId: number): PayloadTarget {
  return {
    owner: github.owner,
    repo: github.repo,
    repositoryId: github.repositoryId,
    installationId,
    pullNumber: github.pullNumber,
    headSha: github.fixture.headSha,
    baseSha: github.fixture.baseSha,
    changedFiles: github.files.length,
    author: github.author,
    htmlUrl: github.htmlUrl,
  };
}

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return INVALID_JSON;
  }
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
    if (Date.now() > deadline)
      throw new Error(`the GitHub stand-in did not see the expected state within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
