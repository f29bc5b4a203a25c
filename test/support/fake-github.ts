/**
 * A stateful model of the GitHub a pull request review talks to: one pull request (that can be
 * pushed to) in its repository, with its check runs, reviews, review threads, conversation,
 * review requests and teams, the org's `.github` repository, and the REST and GraphQL calls
 * Posture makes on them. It validates writes the way GitHub does where Posture relies on it
 * (comments inside the diff, 50 annotations a request, action limits, no review requests to the
 * author), and every GraphQL document against GitHub's published schema and node limits. The
 * nock mock and the HTTP stand-in are two transports in front of it; the stand-in serves several
 * of them, for several repositories and installations (github-model/instance.ts).
 */
import { HttpProblem } from './github-rules.js';
import { answerGraphql } from './github-model/graphql-endpoint.js';
import type { GraphqlWorld } from './github-model/graphql-objects.js';
import { repositoryRoutes } from './github-model/repository-routes.js';
import { RepositoryState } from './github-model/repository-state.js';
import {
  literal,
  NOT_FOUND,
  ok,
  pageRequest,
  paginate,
  type FakeResponse,
  type Route,
} from './github-model/routes.js';
import {
  APP_LOGIN,
  PULL_REQUEST_AUTHOR,
  type Author,
  type ConversationComment,
  type ReviewThread,
  type StandinReview,
  type StandinReviewComment,
  type SubmittedReview,
  type ThreadComment,
} from './github-model/types.js';
import { blobSha, type PullRequestFile, type PullRequestFixture } from './pull-request-fixture.js';

export { APP_LOGIN, PULL_REQUEST_AUTHOR } from './github-model/types.js';
export type {
  Author,
  ConversationComment,
  ReviewThread,
  StandinAnnotation,
  StandinCheckRun,
  StandinReview,
  StandinReviewComment,
  SubmittedReview,
  ThreadComment,
} from './github-model/types.js';
export type { FakeResponse } from './github-model/routes.js';

export interface FakeGitHubOptions {
  fixture: PullRequestFixture;
  owner?: string;
  repo?: string;
  pullNumber?: number;
  repositoryId?: number;
  /** another pull request's repository, to share its commits, check runs and ids; owner, repo and repositoryId then come from it */
  repository?: RepositoryState;
  /** the first listing of changed files, when it differs from the fixture's */
  files?: readonly PullRequestFile[];
  author?: string;
  draft?: boolean;
  /** the base branch's name; `main` unless told */
  baseRef?: string;
  /** what `pulls.get` reports, when a test needs it to disagree with the fixture */
  pullRequest?: { state?: 'open' | 'closed'; headSha?: string };
  /** `.security.yml` of the org's .github repository (absent: the repository is not there) and at the base commit */
  policy?: { org?: string; base?: string };
  /** team slug → member logins */
  teams?: Record<string, readonly string[]>;
  /** the org's teams when other pull requests of the org share them; `teams` are added to it */
  organizationTeams?: Map<string, Set<string>>;
  appId?: number;
  /** blobs longer than this come back truncated from GraphQL, as GitHub does for large ones */
  truncateBlobsOver?: number;
  /** recursive trees longer than this come back truncated, as GitHub does past 100,000 entries */
  maxTreeEntries?: number;
  htmlRoot?: string;
}

export interface PushOptions {
  /** a force push: the new head does not descend from the previous one (the compare API then sees them diverge) */
  force?: boolean;
}

const LISTED_FILES_LIMIT = 3000;

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  readonly repositoryId: number;
  readonly appId: number;
  readonly author: string;
  readonly truncateBlobsOver: number | undefined;
  fixture: PullRequestFixture;
  state: 'open' | 'closed';
  draft: boolean;
  baseRef: string;
  /** the pull request's moves to another base branch, oldest first, as its timeline lists them */
  readonly baseChanges: Array<{ from: string; to: string; createdAt: string }> = [];
  /** the check runs of the repository (all its pull requests share them) */
  readonly checkRuns: RepositoryState['checkRuns'];
  /** reviews Posture posted */
  readonly reviews: StandinReview[] = [];
  readonly submittedReviews: SubmittedReview[] = [];
  readonly threads: ReviewThread[] = [];
  readonly conversation: ConversationComment[] = [];
  readonly requested = { users: new Set<string>(), teams: new Set<string>() };
  readonly teams: Map<string, Set<string>>;
  readonly policy: { org?: string; base?: string };
  readonly #repository: RepositoryState;
  readonly #pushed = new Map<string, PullRequestFixture>();
  readonly #htmlRoot: string;
  #files: readonly PullRequestFile[];
  #reportedHead: string | undefined;
  #clock = Date.parse('2025-03-01T09:00:00Z');
  #mergeGroups = 0;
  /** when the pull request last changed, as GitHub's `updated_at` says */
  #updatedAt = new Date().toISOString();
  readonly #beforeGraphql = new Map<string, () => void>();
  readonly #routes: Route[];

  constructor(options: FakeGitHubOptions) {
    this.#repository =
      options.repository ??
      new RepositoryState(
        options.owner ?? 'acme',
        options.repo ?? 'infra',
        options.repositoryId ?? 1296269,
      );
    this.owner = this.#repository.owner;
    this.repo = this.#repository.name;
    this.repositoryId = this.#repository.id;
    this.pullNumber = options.pullNumber ?? 7;
    if (this.#repository.pullRequest(this.pullNumber))
      throw new Error(`${this.#repository.fullName} already has pull request #${this.pullNumber}`);
    this.appId = options.appId ?? 4242;
    this.author = options.author ?? PULL_REQUEST_AUTHOR;
    this.truncateBlobsOver = options.truncateBlobsOver;
    if (options.maxTreeEntries !== undefined)
      this.#repository.maxTreeEntries = options.maxTreeEntries;
    this.#htmlRoot = options.htmlRoot ?? 'https://github.com';
    this.fixture = options.fixture;
    this.state = options.pullRequest?.state ?? 'open';
    this.draft = options.draft ?? false;
    this.baseRef = options.baseRef ?? 'main';
    this.#reportedHead = options.pullRequest?.headSha;
    this.#files = options.files ?? options.fixture.files;
    this.policy = options.policy ?? {};
    this.teams = options.organizationTeams ?? new Map<string, Set<string>>();
    for (const [slug, members] of Object.entries(options.teams ?? {}))
      this.teams.set(slug, new Set([...(this.teams.get(slug) ?? []), ...members]));
    this.checkRuns = this.#repository.checkRuns;
    this.#repository.pullRequests.push(this);
    this.#remember(options.fixture, undefined, {});
    this.#routes = [
      ...this.#pullRequestRoutes(),
      ...repositoryRoutes(this.#repository, this.appId),
    ];
  }

  get headSha(): string {
    return this.#reportedHead ?? this.fixture.headSha;
  }

  get files(): readonly PullRequestFile[] {
    return this.#files;
  }

  get htmlUrl(): string {
    return `${this.#htmlRoot}/${this.owner}/${this.repo}/pull/${this.pullNumber}`;
  }

  /** The repository this pull request belongs to, shared with its other pull requests. */
  get repository(): RepositoryState {
    return this.#repository;
  }

  /**
   * A new head for the pull request, as after `git push`: it descends from the previous head when
   * the base is the same, unless `force`; a new base descends from the previous base.
   */
  push(fixture: PullRequestFixture, options: PushOptions = {}): void {
    const previous = this.fixture;
    this.fixture = fixture;
    this.#files = fixture.files;
    this.#reportedHead = undefined;
    this.#updatedAt = new Date().toISOString();
    this.#remember(fixture, previous, options);
  }

  /**
   * The pull request moved to another base branch (`fixture` compares its head with that
   * branch), as "Edit" next to its title does: the timeline gains a base change.
   */
  moveBase(fixture: PullRequestFixture, to: string): void {
    this.baseChanges.push({ from: this.baseRef, to, createdAt: this.#now() });
    this.baseRef = to;
    this.push(fixture);
  }

  /**
   * A commit of the repository outside the pull request, such as a merge queue's group: the
   * base branch with this pull request's head tree merged in. Returns its SHA.
   */
  addMergeGroupCommit(): string {
    this.#mergeGroups += 1;
    const sha = blobSha(
      `merge group ${this.#mergeGroups} of #${this.pullNumber} at ${this.headSha}`,
    );
    this.#repository.history.addCommit(sha, this.fixture.head, this.fixture.baseSha);
    return sha;
  }

  /** The fixture that was pushed with this head, if any was. */
  pushedFixture(headSha: string): PullRequestFixture | undefined {
    return this.#pushed.get(headSha);
  }

  /** Runs `action` right before GitHub answers the next GraphQL operation of that name that reads or changes this pull request. */
  beforeGraphql(operationName: string, action: () => void): void {
    this.#beforeGraphql.set(operationName, action);
  }

  /** Called by the GraphQL endpoint when an operation reaches this pull request. */
  runBeforeGraphql(operationName: string): void {
    const action = this.#beforeGraphql.get(operationName);
    if (!action) return;
    this.#beforeGraphql.delete(operationName);
    action();
  }

  submitReview(
    login: string,
    state: SubmittedReview['state'],
    options: { commitId?: string; body?: string } = {},
  ): void {
    this.submittedReviews.push({
      author: { login, type: 'User' },
      state,
      commitId: options.commitId ?? this.headSha,
      body: options.body ?? '',
      submittedAt: this.#now(),
    });
    // A review from someone asked for it, or from a member of a team asked for it, fulfils the request.
    this.requested.users.delete(login);
    for (const [slug, members] of this.teams)
      if (members.has(login)) this.requested.teams.delete(slug);
  }

  dismissReviews(login: string): void {
    for (const review of this.submittedReviews)
      if (review.author.login === login && review.state === 'APPROVED') review.state = 'DISMISSED';
  }

  reply(nodeId: string, author: Author, body: string): void {
    const thread = this.threads.find((candidate) =>
      candidate.comments.some((comment) => comment.nodeId === nodeId),
    );
    if (!thread) throw new Error(`no thread has comment ${nodeId}`);
    const first = thread.comments[0] as ThreadComment;
    thread.comments.push({
      nodeId: this.#newNode('PRRC').nodeId,
      author,
      body,
      path: first.path,
      commitId: first.commitId,
      isMinimized: false,
    });
  }

  comment(author: Author, body: string): void {
    this.conversation.push({ nodeId: this.#newNode('IC').nodeId, author, body });
  }

  /** Posture's own review comments, oldest first. */
  postureComments(): ThreadComment[] {
    return this.threads.flatMap((thread) =>
      thread.comments.filter((comment) => comment.author.login === APP_LOGIN),
    );
  }

  rest(method: string, path: string, query: URLSearchParams, body: unknown): FakeResponse {
    const route = this.#routes.find(
      (candidate) => candidate.method === method && candidate.pattern.test(path),
    );
    if (!route) return NOT_FOUND;
    try {
      return route.handle({
        match: route.pattern.exec(path) as RegExpExecArray,
        body: (body ?? {}) as Record<string, unknown>,
        query,
        path,
      });
    } catch (error) {
      if (error instanceof HttpProblem)
        return {
          status: error.status,
          body: { message: error.message, documentation_url: 'https://docs.github.com/rest' },
        };
      throw error;
    }
  }

  /** GraphQL as one client of this pull request's repository sees it: this repository and its org's `.github`. */
  graphql(body: unknown): FakeResponse {
    const repository = this.#repository;
    const world: GraphqlWorld = {
      repository: (owner, name) =>
        sameName(owner, repository.owner) && sameName(name, repository.name)
          ? repository
          : undefined,
      orgPolicy: (owner) => (sameName(owner, this.owner) ? this.policy.org : undefined),
      repositories: () => [repository],
    };
    return answerGraphql(body, world);
  }

  pullRequestJson() {
    const repository = {
      id: this.repositoryId,
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      owner: { login: this.owner },
    };
    return {
      number: this.pullNumber,
      state: this.state,
      draft: this.draft,
      title: 'Harden the web role',
      html_url: this.htmlUrl,
      user: { login: this.author, type: 'User' },
      changed_files: this.#files.length,
      updated_at: this.#updatedAt,
      head: { sha: this.headSha, ref: 'feature', repo: repository },
      base: { sha: this.fixture.baseSha, ref: this.baseRef, repo: repository },
    };
  }

  #remember(
    fixture: PullRequestFixture,
    previous: PullRequestFixture | undefined,
    options: PushOptions,
  ): void {
    const history = this.#repository.history;
    history.addCommit(fixture.baseSha, fixture.base, previous?.baseSha);
    const extendsPrevious =
      !options.force && previous !== undefined && previous.baseSha === fixture.baseSha;
    history.addCommit(
      fixture.headSha,
      fixture.head,
      extendsPrevious ? previous.headSha : fixture.baseSha,
    );
    this.#pushed.set(fixture.headSha, fixture);
  }

  #now(): string {
    this.#clock += 60_000;
    return new Date(this.#clock).toISOString();
  }

  #newNode(prefix: string): { id: number; nodeId: string } {
    const id = this.#repository.ids.next('node');
    return { id, nodeId: `${prefix}_${id.toString(36).padStart(6, '0')}` };
  }

  #pullRequestRoutes(): Route[] {
    const repoPath = `/repos/${literal(this.owner)}/${literal(this.repo)}`;
    const pull = `${repoPath}/pulls/${this.pullNumber}`;
    return [
      { method: 'GET', pattern: new RegExp(`^${pull}$`), handle: () => ok(this.pullRequestJson()) },
      {
        method: 'GET',
        pattern: new RegExp(`^${pull}/files$`),
        handle: ({ path, query }) => {
          const page = paginate(
            this.#files.slice(0, LISTED_FILES_LIMIT),
            pageRequest(query),
            path,
            query,
          );
          return ok(page.items, page.headers);
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${pull}/reviews$`),
        handle: ({ body: input }) => {
          const {
            commit_id: commitId,
            event,
            body,
            comments = [],
          } = input as {
            commit_id?: string;
            event?: string;
            body?: string;
            comments?: StandinReviewComment[];
          };
          const pushed = commitId ? this.#pushed.get(commitId) : undefined;
          if (!pushed) throw new HttpProblem(422, 'commit_id is not part of the pull request');
          if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && !body)
            throw new HttpProblem(422, 'body is required');
          for (const comment of comments) validateLineComment(pushed, comment);
          const review: StandinReview = {
            id: this.#repository.ids.next('review'),
            commit_id: pushed.headSha,
            event: event ?? 'PENDING',
            body: body ?? '',
            comments,
          };
          this.reviews.push(review);
          this.submittedReviews.push({
            author: { login: APP_LOGIN, type: 'Bot' },
            state: 'COMMENTED',
            commitId: pushed.headSha,
            body: review.body,
            submittedAt: this.#now(),
          });
          for (const comment of comments) {
            this.threads.push({
              comments: [
                {
                  nodeId: this.#newNode('PRRC').nodeId,
                  author: { login: APP_LOGIN, type: 'Bot' },
                  body: comment.body,
                  path: comment.path,
                  line: comment.line,
                  commitId: pushed.headSha,
                  isMinimized: false,
                },
              ],
            });
          }
          return ok({
            id: review.id,
            body: review.body,
            state: 'COMMENTED',
            commit_id: review.commit_id,
          });
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${pull}/comments$`),
        handle: ({ body: input }) => {
          const {
            commit_id: commitId,
            path,
            body,
            subject_type: subjectType,
          } = input as { commit_id?: string; path?: string; body?: string; subject_type?: string };
          const pushed = commitId ? this.#pushed.get(commitId) : undefined;
          if (!pushed) throw new HttpProblem(422, 'commit_id is not part of the pull request');
          if (subjectType !== 'file')
            throw new HttpProblem(422, 'only file comments are expected here');
          if (!pushed.files.some((file) => file.filename === path))
            throw new HttpProblem(422, 'Path could not be resolved');
          const node = this.#newNode('PRRC');
          const comment: ThreadComment = {
            nodeId: node.nodeId,
            author: { login: APP_LOGIN, type: 'Bot' },
            body: body ?? '',
            path: path ?? '',
            commitId: pushed.headSha,
            isMinimized: false,
          };
          this.threads.push({ comments: [comment] });
          return {
            status: 201,
            body: { id: node.id, node_id: comment.nodeId, path, body, subject_type: 'file' },
          };
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${pull}/requested_reviewers$`),
        handle: ({ body: input }) => {
          const { reviewers = [], team_reviewers: teams = [] } = input as {
            reviewers?: string[];
            team_reviewers?: string[];
          };
          if (reviewers.some((login) => login.toLowerCase() === this.author.toLowerCase()))
            throw new HttpProblem(422, 'Review cannot be requested from pull request author.');
          if (teams.some((slug) => !this.teams.has(slug)))
            throw new HttpProblem(
              422,
              'Reviews may only be requested from collaborators. One or more of the teams you specified is not a collaborator.',
            );
          for (const login of reviewers) this.requested.users.add(login);
          for (const slug of teams) this.requested.teams.add(slug);
          return { status: 201, body: this.pullRequestJson() };
        },
      },
      {
        method: 'POST',
        pattern: new RegExp(`^${repoPath}/issues/${this.pullNumber}/comments$`),
        handle: ({ body: input }) => {
          const node = this.#newNode('IC');
          const comment = {
            nodeId: node.nodeId,
            author: { login: APP_LOGIN, type: 'Bot' as const },
            body: typeof input.body === 'string' ? input.body : '',
          };
          this.conversation.push(comment);
          return {
            status: 201,
            body: { id: node.id, node_id: comment.nodeId, body: comment.body },
          };
        },
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/orgs/${literal(this.owner)}/teams/([^/]+)/memberships/([^/]+)$`),
        handle: ({ match }) => {
          if (!this.teams.get(match[1] as string)?.has(match[2] as string))
            throw new HttpProblem(404, 'Not Found');
          return ok({ state: 'active', role: 'member' });
        },
      },
    ];
  }
}

/** GitHub compares owner and repository names without case. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function validateLineComment(fixture: PullRequestFixture, comment: StandinReviewComment): void {
  const ranges = fixture.hunks.get(comment.path);
  if (!ranges) throw new HttpProblem(422, 'Path could not be resolved');
  const hunk = ranges.find((range) => comment.line >= range.start && comment.line <= range.end);
  if (!hunk || comment.side !== 'RIGHT')
    throw new HttpProblem(422, 'Pull request review thread line must be part of the diff');
  if (
    comment.start_line !== undefined &&
    (comment.start_line >= comment.line || comment.start_line < hunk.start)
  ) {
    throw new HttpProblem(
      422,
      'Pull request review thread start line must be part of the same hunk as the line',
    );
  }
}
