/**
 * A stateful model of the GitHub a pull request review talks to: one repository with one pull
 * request (that can be pushed to), its check runs, reviews, review threads, conversation,
 * review requests and teams, the org's `.github` repository, and the REST and GraphQL calls
 * Posture makes on them. It validates writes the way GitHub does where Posture relies on it
 * (comments inside the diff, 50 annotations a request, action limits, no review requests to the
 * author). The nock mock and the HTTP stand-in are two transports in front of it.
 */
import { blobSha, type PullRequestFile, type PullRequestFixture, type Tree } from './pull-request-fixture.js';
import { applyCheckRunWrite, HttpProblem, validateCheckRunWrite } from './github-rules.js';

/** The app's bot as GraphQL names it (REST adds `[bot]`). */
export const APP_LOGIN = 'posture';
/** Who opened the pull request, unless a test says otherwise. */
export const PULL_REQUEST_AUTHOR = 'casey-dev';

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
  details_url?: string;
  actions?: Array<{ label: string; description: string; identifier: string }>;
  output: { title?: string; summary?: string };
  annotations: StandinAnnotation[];
  app_id: number;
}

export interface StandinReviewComment {
  path: string;
  line: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  body: string;
}

/** A review Posture posted. */
export interface StandinReview {
  id: number;
  commit_id: string;
  event: string;
  body: string;
  comments: StandinReviewComment[];
}

export interface Author {
  login: string;
  type: 'Bot' | 'User';
}

export interface ThreadComment {
  nodeId: string;
  author: Author;
  body: string;
  path: string;
  line?: number;
  commitId: string;
  isMinimized: boolean;
  minimizedReason?: string;
}

export interface ReviewThread {
  comments: ThreadComment[];
}

export interface ConversationComment {
  nodeId: string;
  author: Author;
  body: string;
}

/** Any submitted review, Posture's and people's, in order. */
export interface SubmittedReview {
  author: Author;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commitId: string;
  body: string;
  submittedAt: string;
}

export interface FakeGitHubOptions {
  fixture: PullRequestFixture;
  owner?: string;
  repo?: string;
  pullNumber?: number;
  repositoryId?: number;
  /** the first listing of changed files, when it differs from the fixture's */
  files?: readonly PullRequestFile[];
  author?: string;
  draft?: boolean;
  /** what `pulls.get` reports, when a test needs it to disagree with the fixture */
  pullRequest?: { state?: 'open' | 'closed'; headSha?: string };
  /** `.security.yml` of the org's .github repository (absent: the repository is not there) and at the base commit */
  policy?: { org?: string; base?: string };
  /** team slug → member logins */
  teams?: Record<string, readonly string[]>;
  appId?: number;
  /** blobs longer than this come back truncated from GraphQL, as GitHub does for large ones */
  truncateBlobsOver?: number;
  htmlRoot?: string;
}

export interface FakeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Route {
  method: string;
  pattern: RegExp;
  handle(match: RegExpExecArray, body: Record<string, unknown>, query: URLSearchParams): FakeResponse;
}

const PAGE = 100;

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  readonly repositoryId: number;
  readonly appId: number;
  readonly author: string;
  fixture: PullRequestFixture;
  state: 'open' | 'closed';
  draft: boolean;
  readonly checkRuns: StandinCheckRun[] = [];
  /** reviews Posture posted */
  readonly reviews: StandinReview[] = [];
  readonly submittedReviews: SubmittedReview[] = [];
  readonly threads: ReviewThread[] = [];
  readonly conversation: ConversationComment[] = [];
  readonly requested = { users: new Set<string>(), teams: new Set<string>() };
  readonly teams: Map<string, Set<string>>;
  readonly policy: { org?: string; base?: string };
  readonly #commits = new Map<string, Tree>();
  readonly #blobs = new Map<string, string>();
  readonly #pulls = new Map<string, PullRequestFixture>();
  readonly #options: FakeGitHubOptions;
  #files: readonly PullRequestFile[];
  #reportedHead: string | undefined;
  #nodes = 0;
  #clock = Date.parse('2025-03-01T09:00:00Z');
  readonly #beforeGraphql = new Map<string, () => void>();
  readonly #routes: Route[];

  constructor(options: FakeGitHubOptions) {
    this.#options = options;
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'infra';
    this.pullNumber = options.pullNumber ?? 7;
    this.repositoryId = options.repositoryId ?? 1296269;
    this.appId = options.appId ?? 4242;
    this.author = options.author ?? PULL_REQUEST_AUTHOR;
    this.fixture = options.fixture;
    this.state = options.pullRequest?.state ?? 'open';
    this.draft = options.draft ?? false;
    this.#reportedHead = options.pullRequest?.headSha;
    this.#files = options.files ?? options.fixture.files;
    this.policy = options.policy ?? {};
    this.teams = new Map(Object.entries(options.teams ?? {}).map(([slug, members]) => [slug, new Set(members)]));
    this.#remember(options.fixture);
    this.#routes = this.#buildRoutes();
  }

  get headSha(): string {
    return this.#reportedHead ?? this.fixture.headSha;
  }

  get files(): readonly PullRequestFile[] {
    return this.#files;
  }

  get htmlUrl(): string {
    return `${this.#options.htmlRoot ?? 'https://github.com'}/${this.owner}/${this.repo}/pull/${this.pullNumber}`;
  }

  /** A new head for the pull request, as after `git push`. */
  push(fixture: PullRequestFixture): void {
    this.fixture = fixture;
    this.#files = fixture.files;
    this.#reportedHead = undefined;
    this.#remember(fixture);
  }

  /** Runs `action` right before GitHub answers the next GraphQL operation of that name. */
  beforeGraphql(operationName: string, action: () => void): void {
    this.#beforeGraphql.set(operationName, action);
  }

  submitReview(login: string, state: SubmittedReview['state'], options: { commitId?: string; body?: string } = {}): void {
    this.submittedReviews.push({ author: { login, type: 'User' }, state, commitId: options.commitId ?? this.headSha, body: options.body ?? '', submittedAt: this.#now() });
    // A review from someone asked for it, or from a member of a team asked for it, fulfils the request.
    this.requested.users.delete(login);
    for (const [slug, members] of this.teams) if (members.has(login)) this.requested.teams.delete(slug);
  }

  dismissReviews(login: string): void {
    for (const review of this.submittedReviews) if (review.author.login === login && review.state === 'APPROVED') review.state = 'DISMISSED';
  }

  reply(nodeId: string, author: Author, body: string): void {
    const thread = this.threads.find((candidate) => candidate.comments.some((comment) => comment.nodeId === nodeId));
    if (!thread) throw new Error(`no thread has comment ${nodeId}`);
    const first = thread.comments[0] as ThreadComment;
    thread.comments.push({ nodeId: this.#nodeId('PRRC'), author, body, path: first.path, commitId: first.commitId, isMinimized: false });
  }

  comment(author: Author, body: string): void {
    this.conversation.push({ nodeId: this.#nodeId('IC'), author, body });
  }

  /** Posture's own review comments, oldest first. */
  postureComments(): ThreadComment[] {
    return this.threads.flatMap((thread) => thread.comments.filter((comment) => comment.author.login === APP_LOGIN));
  }

  rest(method: string, path: string, query: URLSearchParams, body: unknown): FakeResponse {
    const route = this.#routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (!route) return { status: 404, body: { message: 'Not Found' } };
    try {
      return route.handle(route.pattern.exec(path) as RegExpExecArray, (body ?? {}) as Record<string, unknown>, query);
    } catch (error) {
      if (error instanceof HttpProblem) return { status: error.status, body: { message: error.message } };
      throw error;
    }
  }

  graphql(body: unknown): FakeResponse {
    const { query = '', variables = {} } = (body ?? {}) as { query?: string; variables?: Record<string, unknown> };
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';
    const before = this.#beforeGraphql.get(operation);
    if (before) {
      this.#beforeGraphql.delete(operation);
      before();
    }
    switch (operation) {
      case 'PostureBlobs':
        return this.#blobQuery(query);
      case 'PosturePullRequestState':
      case 'PostureReviewThreads':
      case 'PostureReviews':
      case 'PostureConversation':
        return { status: 200, body: { data: { repository: { pullRequest: this.#pullRequestNode(query, variables) } } } };
      case 'PostureMinimizeComments':
        return this.#minimize(query);
      default:
        return { status: 200, body: { errors: [{ message: `the fake GitHub does not know the operation "${operation}"` }] } };
    }
  }

  pullRequestJson() {
    const repository = { id: this.repositoryId, name: this.repo, full_name: `${this.owner}/${this.repo}`, owner: { login: this.owner } };
    return {
      number: this.pullNumber,
      state: this.state,
      draft: this.draft,
      title: 'Harden the web role',
      html_url: this.htmlUrl,
      user: { login: this.author, type: 'User' },
      changed_files: this.#files.length,
      head: { sha: this.headSha, ref: 'feature', repo: repository },
      base: { sha: this.fixture.baseSha, ref: 'main', repo: repository },
    };
  }

  #remember(fixture: PullRequestFixture): void {
    this.#commits.set(fixture.baseSha, fixture.base);
    this.#commits.set(fixture.headSha, fixture.head);
    this.#pulls.set(fixture.headSha, fixture);
    for (const tree of [fixture.base, fixture.head]) for (const content of tree.values()) this.#blobs.set(blobSha(content), content);
  }

  #now(): string {
    this.#clock += 60_000;
    return new Date(this.#clock).toISOString();
  }

  #nodeId(prefix: string): string {
    this.#nodes += 1;
    return `${prefix}_${this.#nodes.toString(36).padStart(6, '0')}`;
  }

  #buildRoutes(): Route[] {
    const repoPath = `/repos/${this.owner}/${this.repo}`;
    const pull = `${repoPath}/pulls/${this.pullNumber}`;
    const ok = (body: unknown, headers?: Record<string, string>): FakeResponse => ({ status: 200, body, ...(headers ? { headers } : {}) });
    return [
      { method: 'GET', pattern: new RegExp(`^${pull}$`), handle: () => ok(this.pullRequestJson()) },
      {
        method: 'GET',
        pattern: new RegExp(`^${pull}/files$`),
        handle: (_match, _body, query) => {
          const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
          const page = Number(query.get('page') ?? 1);
          const listable = this.#files.slice(0, 3000);
          const lastPage = Math.max(1, Math.ceil(listable.length / perPage));
          const link = (n: number, rel: string) => `<{api}${pull}/files?per_page=${perPage}&page=${n}>; rel="${rel}"`;
          const headers = page < lastPage ? { link: `${link(page + 1, 'next')}, ${link(lastPage, 'last')}` } : undefined;
          return ok(listable.slice((page - 1) * perPage, page * perPage), headers);
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^${repoPath}/git/blobs/([0-9a-f]{40})$`),
        handle: (match) => {
          const sha = match[1] as string;
          const content = this.#blobs.get(sha);
          if (content === undefined) throw new HttpProblem(404, 'Not Found');
          return ok({ sha, node_id: sha, size: Buffer.byteLength(content), content: Buffer.from(content).toString('base64'), encoding: 'base64' });
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^${repoPath}/commits/([0-9a-f]{40})/pulls$`),
        handle: (match) => ok(match[1] === this.headSha ? [this.pullRequestJson()] : []),
      },
      {
        method: 'GET',
        pattern: new RegExp(`^${repoPath}/commits/([0-9a-f]{40})/check-runs$`),
        handle: (match, _body, query) => {
          const name = query.get('check_name');
          const appId = query.get('app_id');
          let runs = this.checkRuns.filter((run) => run.head_sha === match[1] && (!name || run.name === name) && (!appId || String(run.app_id) === appId));
          if (query.get('filter') !== 'all') runs = runs.filter((run) => !runs.some((later) => later.name === run.name && later.id > run.id));
          return ok({ total_count: runs.length, check_runs: runs.map((run) => this.#checkRunJson(run)) });
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${repoPath}/check-runs$`),
        handle: (_match, input) => {
          validateCheckRunWrite(input);
          const run: StandinCheckRun = {
            id: 5000 + this.checkRuns.length + 1,
            name: String(input.name),
            head_sha: String(input.head_sha),
            status: String(input.status ?? 'queued'),
            conclusion: null,
            output: {},
            annotations: [],
            app_id: this.appId,
          };
          applyCheckRunWrite(run, input);
          this.checkRuns.push(run);
          return { status: 201, body: this.#checkRunJson(run) };
        },
      },
      {
        method: 'PATCH',
        pattern: new RegExp(`^${repoPath}/check-runs/(\\d+)$`),
        handle: (match, input) => {
          const run = this.checkRuns.find((candidate) => candidate.id === Number(match[1]));
          if (!run) throw new HttpProblem(404, 'Not Found');
          validateCheckRunWrite(input);
          applyCheckRunWrite(run, input);
          return ok(this.#checkRunJson(run));
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${pull}/reviews$`),
        handle: (_match, input) => {
          const { commit_id: commitId, event, body, comments = [] } = input as { commit_id?: string; event?: string; body?: string; comments?: StandinReviewComment[] };
          const pushed = commitId ? this.#pulls.get(commitId) : undefined;
          if (!pushed) throw new HttpProblem(422, 'commit_id is not part of the pull request');
          if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && !body) throw new HttpProblem(422, 'body is required');
          for (const comment of comments) validateLineComment(pushed, comment);
          const review: StandinReview = { id: 8000 + this.reviews.length + 1, commit_id: pushed.headSha, event: event ?? 'PENDING', body: body ?? '', comments };
          this.reviews.push(review);
          this.submittedReviews.push({ author: { login: APP_LOGIN, type: 'Bot' }, state: 'COMMENTED', commitId: pushed.headSha, body: review.body, submittedAt: this.#now() });
          for (const comment of comments) {
            this.threads.push({ comments: [{ nodeId: this.#nodeId('PRRC'), author: { login: APP_LOGIN, type: 'Bot' }, body: comment.body, path: comment.path, line: comment.line, commitId: pushed.headSha, isMinimized: false }] });
          }
          return ok({ id: review.id, body: review.body, state: 'COMMENTED', commit_id: review.commit_id });
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${pull}/comments$`),
        handle: (_match, input) => {
          const { commit_id: commitId, path, body, subject_type: subjectType } = input as { commit_id?: string; path?: string; body?: string; subject_type?: string };
          const pushed = commitId ? this.#pulls.get(commitId) : undefined;
          if (!pushed) throw new HttpProblem(422, 'commit_id is not part of the pull request');
          if (subjectType !== 'file') throw new HttpProblem(422, 'only file comments are expected here');
          if (!pushed.files.some((file) => file.filename === path)) throw new HttpProblem(422, 'Path could not be resolved');
          const comment: ThreadComment = { nodeId: this.#nodeId('PRRC'), author: { login: APP_LOGIN, type: 'Bot' }, body: body ?? '', path: path ?? '', commitId: pushed.headSha, isMinimized: false };
          this.threads.push({ comments: [comment] });
          return { status: 201, body: { id: this.#nodes, node_id: comment.nodeId, path, body, subject_type: 'file' } };
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${pull}/requested_reviewers$`),
        handle: (_match, input) => {
          const { reviewers = [], team_reviewers: teams = [] } = input as { reviewers?: string[]; team_reviewers?: string[] };
          if (reviewers.some((login) => login.toLowerCase() === this.author.toLowerCase())) throw new HttpProblem(422, 'Review cannot be requested from pull request author.');
          if (teams.some((slug) => !this.teams.has(slug))) throw new HttpProblem(422, 'Reviews may only be requested from collaborators. One or more of the teams you specified is not a collaborator.');
          for (const login of reviewers) this.requested.users.add(login);
          for (const slug of teams) this.requested.teams.add(slug);
          return { status: 201, body: this.pullRequestJson() };
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${repoPath}/issues/${this.pullNumber}/comments$`),
        handle: (_match, input) => {
          const comment = { nodeId: this.#nodeId('IC'), author: { login: APP_LOGIN, type: 'Bot' as const }, body: String(input.body ?? '') };
          this.conversation.push(comment);
          return { status: 201, body: { id: this.#nodes, node_id: comment.nodeId, body: comment.body } };
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/orgs/${this.owner}/teams/([^/]+)/memberships/([^/]+)$`),
        handle: (match) => {
          if (!this.teams.get(match[1] as string)?.has(match[2] as string)) throw new HttpProblem(404, 'Not Found');
          return ok({ state: 'active', role: 'member' });
        },
      },
    ];
  }

  #checkRunJson(run: StandinCheckRun) {
    return { ...run, app: { id: run.app_id, slug: APP_LOGIN }, output: { ...run.output, annotations_count: run.annotations.length } };
  }

  #blobQuery(query: string): FakeResponse {
    const data: Record<string, Record<string, unknown> | null> = {};
    const errors: unknown[] = [];
    const block = /(\w+): repository\(owner: ("(?:[^"\\]|\\.)*"), name: ("(?:[^"\\]|\\.)*")\) \{([\s\S]*?)\n {2}\}/g;
    for (const [, alias = '', owner = '""', name = '""', body = ''] of query.matchAll(block)) {
      const repository = `${JSON.parse(owner) as string}/${JSON.parse(name) as string}`;
      const isOrgConfig = repository === `${this.owner}/.github`;
      if (repository !== `${this.owner}/${this.repo}` && !(isOrgConfig && this.policy.org !== undefined)) {
        data[alias] = null;
        errors.push({ type: 'NOT_FOUND', path: [alias], message: `Could not resolve to a Repository with the name '${repository}'.` });
        continue;
      }
      const objects: Record<string, unknown> = {};
      for (const [, objectAlias = '', kind, literal = '""'] of body.matchAll(/(\w+): object\((oid|expression): ("(?:[^"\\]|\\.)*")\)/g)) {
        const argument = JSON.parse(literal) as string;
        const content = isOrgConfig ? (argument === 'HEAD:.security.yml' ? this.policy.org : undefined) : kind === 'oid' ? this.#blobs.get(argument) : this.#atRevision(argument);
        objects[objectAlias] = content === undefined ? null : this.#blobNode(content);
      }
      data[alias] = objects;
    }
    return { status: 200, body: errors.length > 0 ? { data, errors } : { data } };
  }

  #atRevision(expression: string): string | undefined {
    const [revision = '', ...rest] = expression.split(':');
    const path = rest.join(':');
    if (revision === this.fixture.baseSha && path === '.security.yml' && this.policy.base !== undefined) return this.policy.base;
    return this.#commits.get(revision === 'HEAD' ? this.fixture.baseSha : revision)?.get(path);
  }

  #blobNode(content: string) {
    const limit = this.#options.truncateBlobsOver;
    const truncated = limit !== undefined && content.length > limit;
    return { oid: blobSha(content), isBinary: false, isTruncated: truncated, text: truncated ? content.slice(0, limit) : content };
  }

  #pullRequestNode(query: string, variables: Record<string, unknown>) {
    const viewer = (author: Author) => author.login === APP_LOGIN && author.type === 'Bot';
    const authorJson = (author: Author) => ({ __typename: author.type, login: author.login });
    const node: Record<string, unknown> = {};
    if (query.includes('headRefOid')) {
      node.headRefOid = this.headSha;
      node.author = { login: this.author };
      node.reviewRequests = {
        nodes: [
          ...[...this.requested.users].map((login) => ({ requestedReviewer: { __typename: 'User', login } })),
          ...[...this.requested.teams].map((slug) => ({ requestedReviewer: { __typename: 'Team', slug } })),
        ],
      };
    }
    if (query.includes('reviewThreads(')) {
      const start = cursorIndex(variables.after, 0);
      const page = this.threads.slice(start, start + PAGE);
      node.reviewThreads = {
        pageInfo: { hasNextPage: start + PAGE < this.threads.length, endCursor: `c${start + page.length}` },
        nodes: page.map((thread) => ({
          comments: { nodes: thread.comments.map((comment) => ({ id: comment.nodeId, body: comment.body, isMinimized: comment.isMinimized, viewerDidAuthor: viewer(comment.author), author: authorJson(comment.author) })) },
        })),
      };
    }
    if (query.includes('reviews(')) {
      node.reviews = lastPage(this.submittedReviews, variables.before, (review) => ({
        state: review.state,
        body: review.body,
        submittedAt: review.submittedAt,
        author: { login: review.author.login },
        commit: { oid: review.commitId },
      }));
    }
    if (/\bcomments\(last:/.test(query)) {
      const before = 'commentsBefore' in variables ? variables.commentsBefore : variables.before;
      node.comments = lastPage(this.conversation, before, (comment) => ({ body: comment.body, viewerDidAuthor: viewer(comment.author), author: authorJson(comment.author) }));
    }
    return node;
  }

  #minimize(query: string): FakeResponse {
    const data: Record<string, unknown> = {};
    for (const [, alias = '', literal = '""', classifier = ''] of query.matchAll(/(\w+): minimizeComment\(input: \{ subjectId: ("(?:[^"\\]|\\.)*"), classifier: (\w+) \}\)/g)) {
      const nodeId = JSON.parse(literal) as string;
      const comment = this.threads.flatMap((thread) => thread.comments).find((candidate) => candidate.nodeId === nodeId);
      if (!comment) return { status: 200, body: { data: null, errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${nodeId}'` }] } };
      comment.isMinimized = true;
      comment.minimizedReason = classifier;
      data[alias] = { minimizedComment: { isMinimized: true } };
    }
    return { status: 200, body: { data } };
  }
}

function cursorIndex(cursor: unknown, fallback: number): number {
  return typeof cursor === 'string' && /^c\d+$/.test(cursor) ? Number(cursor.slice(1)) : fallback;
}

/** A `last: 100, before:` page: the newest items before the cursor, oldest first. */
function lastPage<T>(items: readonly T[], before: unknown, toNode: (item: T) => unknown) {
  const end = cursorIndex(before, items.length);
  const start = Math.max(0, end - PAGE);
  return { pageInfo: { hasPreviousPage: start > 0, startCursor: `c${start}` }, nodes: items.slice(start, end).map(toNode) };
}

function validateLineComment(fixture: PullRequestFixture, comment: StandinReviewComment): void {
  const ranges = fixture.hunks.get(comment.path);
  if (!ranges) throw new HttpProblem(422, 'Path could not be resolved');
  const hunk = ranges.find((range) => comment.line >= range.start && comment.line <= range.end);
  if (!hunk || comment.side !== 'RIGHT') throw new HttpProblem(422, 'Pull request review thread line must be part of the diff');
  if (comment.start_line !== undefined && (comment.start_line >= comment.line || comment.start_line < hunk.start)) {
    throw new HttpProblem(422, 'Pull request review thread start line must be part of the same hunk as the line');
  }
}
