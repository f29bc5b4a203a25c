/**
 * The GitHub objects GraphQL queries of the fake GitHub resolve to: repositories and their git
 * objects, pull requests with their review threads, reviews, review requests, conversation and
 * files, and the `minimizeComment` mutation. Each object carries `__typename` and one property per
 * field it models (a function when the field takes arguments); a field it does not model is an
 * error of its own, never a silent null (graphql-execution.ts).
 */
import type { FakeGitHub } from '../fake-github.js';
import { blobSha } from '../pull-request-fixture.js';
import { connection, type ConnectionArguments } from './graphql-connections.js';
import { GraphqlProblem } from './graphql-errors.js';
import type { GitTree } from './git-trees.js';
import type { RepositoryState } from './repository-state.js';
import {
  APP_LOGIN,
  type Author,
  type ConversationComment,
  type SubmittedReview,
  type ThreadComment,
} from './types.js';

/** The repositories a request can see: all of a fake GitHub's, or one installation's. */
export interface GraphqlWorld {
  /** the repository by owner and name, compared without case as GitHub does; undefined when absent or out of reach */
  repository(owner: string, name: string): RepositoryState | undefined;
  /** `.security.yml` of the owner's `.github` repository, when it exists and is within reach */
  orgPolicy(owner: string): string | undefined;
  repositories(): Iterable<RepositoryState>;
}

export interface GraphqlContext {
  /** the operation is about to read or change this pull request: run what a test scheduled for it */
  reach(pull: FakeGitHub): void;
}

type Args<T> = T & Record<string, unknown>;

export function queryRoot(world: GraphqlWorld) {
  return {
    repository: (
      { owner, name }: Args<{ owner: string; name: string }>,
      context: GraphqlContext,
    ) => {
      const repository = world.repository(owner, name);
      if (repository) {
        for (const pull of repository.pullRequests) context.reach(pull);
        return repositoryObject(repository);
      }
      const orgPolicy = name.toLowerCase() === '.github' ? world.orgPolicy(owner) : undefined;
      if (orgPolicy !== undefined) return orgConfigRepositoryObject(owner, orgPolicy);
      throw new GraphqlProblem(
        'NOT_FOUND',
        `Could not resolve to a Repository with the name '${owner}/${name}'.`,
      );
    },
    rateLimit: () => ({
      __typename: 'RateLimit',
      cost: 1,
      limit: 5000,
      remaining: 4999,
      used: 1,
      nodeCount: 0,
      resetAt: new Date(Date.now() + 3600_000).toISOString(),
    }),
  };
}

export function mutationRoot(world: GraphqlWorld) {
  return {
    minimizeComment: (
      {
        input,
      }: Args<{
        input: { subjectId: string; classifier: string; clientMutationId?: string | null };
      }>,
      context: GraphqlContext,
    ) => {
      for (const repository of world.repositories()) {
        for (const pull of repository.pullRequests) {
          const comment = pull.threads
            .flatMap((thread) => thread.comments)
            .find((candidate) => candidate.nodeId === input.subjectId);
          if (!comment) continue;
          context.reach(pull);
          comment.isMinimized = true;
          comment.minimizedReason = input.classifier;
          return {
            __typename: 'MinimizeCommentPayload',
            clientMutationId: input.clientMutationId ?? null,
            minimizedComment: reviewCommentObject(comment),
          };
        }
      }
      throw new GraphqlProblem(
        'NOT_FOUND',
        `Could not resolve to a node with the global id of '${input.subjectId}'.`,
      );
    },
  };
}

function repositoryObject(repository: RepositoryState) {
  return {
    __typename: 'Repository',
    id: `R_${repository.id}`,
    databaseId: repository.id,
    name: repository.name,
    nameWithOwner: repository.fullName,
    owner: { __typename: 'Organization', login: repository.owner },
    object: ({ oid, expression }: Args<{ oid?: string | null; expression?: string | null }>) =>
      oid
        ? objectBySha(repository, oid)
        : expression
          ? objectByExpression(repository, expression)
          : null,
    pullRequest: ({ number }: Args<{ number: number }>) => {
      const pull = repository.pullRequest(number);
      if (!pull)
        throw new GraphqlProblem(
          'NOT_FOUND',
          `Could not resolve to a PullRequest with the number of ${number}.`,
        );
      return pullRequestObject(pull);
    },
  };
}

/** The org's `.github` repository, which the fake knows only for its policy file on the default branch. */
function orgConfigRepositoryObject(owner: string, policy: string) {
  return {
    __typename: 'Repository',
    name: '.github',
    nameWithOwner: `${owner}/.github`,
    owner: { __typename: 'Organization', login: owner },
    object: ({ expression }: Args<{ expression?: string | null }>) =>
      expression === 'HEAD:.security.yml' ? blobObject(policy) : null,
  };
}

function objectBySha(repository: RepositoryState, sha: string) {
  const history = repository.history;
  const content = history.blob(sha);
  if (content !== undefined) return blobObject(content, repository.truncateBlobsOver);
  if (history.commit(sha)) return commitObject(sha);
  const tree = history.tree(sha);
  return tree ? treeObject(tree, '') : null;
}

/** `<revision>:<path>` or `<revision>`, where the revision is a commit SHA, `HEAD` or the default branch. */
function objectByExpression(repository: RepositoryState, expression: string) {
  const colon = expression.indexOf(':');
  const revision = colon === -1 ? expression : expression.slice(0, colon);
  const sha = revision === 'HEAD' || revision === 'main' ? repository.defaultBranchSha : revision;
  const commit = sha ? repository.history.commit(sha) : undefined;
  if (!sha || !commit) return null;
  if (colon === -1) return commitObject(sha);
  const path = expression.slice(colon + 1).replace(/\/+$/, '');
  const policy = path === '.security.yml' ? repository.policyAt(sha) : undefined;
  const content = policy ?? commit.tree.get(path);
  if (content !== undefined) return blobObject(content, repository.truncateBlobsOver);
  let tree = repository.history.rootTree(sha);
  for (const part of path === '' ? [] : path.split('/'))
    tree = tree?.entries.find((entry) => entry.name === part)?.tree;
  return tree ? treeObject(tree, path === '' ? '' : `${path}/`) : null;
}

function blobObject(content: string, truncateOver?: number) {
  const oid = blobSha(content);
  const truncated = truncateOver !== undefined && content.length > truncateOver;
  return {
    __typename: 'Blob',
    id: `B_${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    byteSize: Buffer.byteLength(content),
    isBinary: false,
    isTruncated: truncated,
    text: truncated ? content.slice(0, truncateOver) : content,
  };
}

function commitObject(oid: string) {
  return {
    __typename: 'Commit',
    id: `C_${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    message: `Commit ${oid.slice(0, 7)}`,
  };
}

function treeObject(tree: GitTree, prefix: string) {
  return {
    __typename: 'Tree',
    id: `T_${tree.sha}`,
    oid: tree.sha,
    abbreviatedOid: tree.sha.slice(0, 7),
    entries: tree.entries.map((entry) => ({
      __typename: 'TreeEntry',
      name: entry.name,
      path: `${prefix}${entry.name}`,
      type: entry.type,
      mode: entry.type === 'tree' ? 0o40000 : 0o100644,
      oid: entry.sha,
    })),
  };
}

function pullRequestObject(pull: FakeGitHub) {
  const requests = [
    ...[...pull.requested.users].map((login) => ({ __typename: 'User', login })),
    ...[...pull.requested.teams].map((slug) => ({ __typename: 'Team', slug, name: slug })),
  ];
  return {
    __typename: 'PullRequest',
    id: `PR_${pull.repositoryId}_${pull.pullNumber}`,
    number: pull.pullNumber,
    title: 'Harden the web role',
    url: pull.htmlUrl,
    state: pull.state === 'open' ? 'OPEN' : 'CLOSED',
    closed: pull.state !== 'open',
    isDraft: pull.draft,
    headRefOid: pull.headSha,
    baseRefOid: pull.fixture.baseSha,
    headRefName: 'feature',
    baseRefName: pull.baseRef,
    changedFiles: pull.files.length,
    author: actorObject({ login: pull.author, type: 'User' }),
    reviewThreads: (args: ConnectionArguments) =>
      connection(pull.threads, args, (thread) => ({
        __typename: 'PullRequestReviewThread',
        id: `PRRT_${thread.comments[0]?.nodeId ?? ''}`,
        path: thread.comments[0]?.path ?? '',
        line: thread.comments[0]?.line ?? null,
        isResolved: false,
        isOutdated: false,
        comments: (commentArgs: ConnectionArguments) =>
          connection(thread.comments, commentArgs, reviewCommentObject),
      })),
    reviews: (args: ConnectionArguments & { states?: string[] | null }) =>
      connection(
        args.states
          ? pull.submittedReviews.filter((review) => args.states?.includes(review.state))
          : pull.submittedReviews,
        args,
        reviewObject,
      ),
    reviewRequests: (args: ConnectionArguments) =>
      connection(requests, args, (reviewer) => ({
        __typename: 'ReviewRequest',
        requestedReviewer: reviewer,
      })),
    comments: (args: ConnectionArguments) =>
      connection(pull.conversation, args, conversationCommentObject),
    // The timeline holds only base changes here; asked for other kinds of items, it is empty.
    timelineItems: (args: ConnectionArguments & { itemTypes?: string[] | null }) =>
      connection(
        !args.itemTypes || args.itemTypes.includes('BASE_REF_CHANGED_EVENT')
          ? pull.baseChanges
          : [],
        args,
        (change) => ({
          __typename: 'BaseRefChangedEvent',
          id: `BRCE_${change.createdAt}`,
          createdAt: change.createdAt,
          previousRefName: change.from,
          currentRefName: change.to,
          actor: actorObject({ login: pull.author, type: 'User' }),
        }),
      ),
    files: (args: ConnectionArguments) =>
      connection(pull.files, args, (file) => ({
        __typename: 'PullRequestChangedFile',
        path: file.filename,
        additions: file.additions,
        deletions: file.deletions,
        changeType: (
          { added: 'ADDED', removed: 'DELETED', modified: 'MODIFIED', renamed: 'RENAMED' } as const
        )[file.status],
      })),
  };
}

/** Comments are the viewer's when the app's bot wrote them: every request here is the app's. */
function viewerDidAuthor(author: Author): boolean {
  return author.login === APP_LOGIN && author.type === 'Bot';
}

function actorObject(author: Author) {
  return { __typename: author.type, login: author.login };
}

function reviewCommentObject(comment: ThreadComment) {
  return {
    __typename: 'PullRequestReviewComment',
    id: comment.nodeId,
    body: comment.body,
    path: comment.path,
    line: comment.line ?? null,
    isMinimized: comment.isMinimized,
    minimizedReason: comment.minimizedReason ?? null,
    viewerDidAuthor: viewerDidAuthor(comment.author),
    author: actorObject(comment.author),
    commit: commitObject(comment.commitId),
  };
}

function reviewObject(review: SubmittedReview) {
  return {
    __typename: 'PullRequestReview',
    state: review.state,
    body: review.body,
    submittedAt: review.submittedAt,
    viewerDidAuthor: viewerDidAuthor(review.author),
    author: actorObject(review.author),
    commit: commitObject(review.commitId),
  };
}

function conversationCommentObject(comment: ConversationComment) {
  return {
    __typename: 'IssueComment',
    id: comment.nodeId,
    body: comment.body,
    isMinimized: false,
    viewerDidAuthor: viewerDidAuthor(comment.author),
    author: actorObject(comment.author),
  };
}
