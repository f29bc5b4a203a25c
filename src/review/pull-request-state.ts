/**
 * What a pull request looks like right before Posture writes to it, in one GraphQL query: its
 * current head (to avoid posting against a head that moved on), the review threads with their
 * comments (to find Posture's earlier comments and whether anyone answered them), the submitted
 * reviews (approvals), when its base branch last changed, the pending review requests and the
 * conversation comments (recorded risk acceptances). Connections longer than a page are followed page by page.
 */
import type { GitHubClient, ReviewTarget } from './review-target.js';

export interface ThreadComment {
  nodeId: string;
  body: string;
  isMinimized: boolean;
  /** written by this app: the viewer is the app's bot, and the author is a bot */
  byPosture: boolean;
}

export interface ReviewThread {
  comments: ThreadComment[];
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface SubmittedReview {
  author: string;
  state: ReviewState;
  commitSha?: string;
  body: string;
  submittedAt?: string;
}

export interface ConversationComment {
  body: string;
  byPosture: boolean;
}

export interface PullRequestState {
  headSha: string;
  author?: string;
  threads: ReviewThread[];
  /** oldest first */
  reviews: SubmittedReview[];
  requested: { users: string[]; teams: string[] };
  /** oldest first */
  conversation: ConversationComment[];
  /**
   * when the pull request last moved to another base branch, if it ever did: reviews before
   * then judged another change
   */
  baseChangedAt?: string;
}

const PAGE = 100;

const THREADS = `reviewThreads(first: ${PAGE}, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { comments(first: 100) { nodes { id body isMinimized viewerDidAuthor author { __typename } } } }
      }`;
const REVIEWS = `reviews(last: ${PAGE}, before: $before) {
        pageInfo { hasPreviousPage startCursor }
        nodes { state body submittedAt author { login } commit { oid } }
      }`;
const CONVERSATION = `comments(last: ${PAGE}, before: $before) {
        pageInfo { hasPreviousPage startCursor }
        nodes { body viewerDidAuthor author { __typename } }
      }`;

function pullRequestQuery(name: string, fields: string, cursors: string): string {
  return `query ${name}($owner: String!, $name: String!, $number: Int!${cursors}) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      ${fields}
    }
  }
}`;
}

const PULL_REQUEST_STATE_QUERY = pullRequestQuery(
  'PosturePullRequestState',
  `headRefOid
      author { login }
      ${THREADS}
      ${REVIEWS}
      reviewRequests(first: 100) { nodes { requestedReviewer { __typename ... on User { login } ... on Team { slug } } } }
      timelineItems(last: 1, itemTypes: [BASE_REF_CHANGED_EVENT]) { nodes { __typename ... on BaseRefChangedEvent { createdAt } } }
      ${CONVERSATION.replace('$before', '$commentsBefore')}`,
  ', $after: String, $before: String, $commentsBefore: String',
);
const MORE_THREADS_QUERY = pullRequestQuery('PostureReviewThreads', THREADS, ', $after: String');
const MORE_REVIEWS_QUERY = pullRequestQuery('PostureReviews', REVIEWS, ', $before: String');
const MORE_CONVERSATION_QUERY = pullRequestQuery(
  'PostureConversation',
  CONVERSATION,
  ', $before: String',
);

interface Author {
  __typename?: string;
  login?: string;
}
interface ForwardPage<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}
interface BackwardPage<T> {
  pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
  nodes: T[];
}
interface ThreadNode {
  comments: {
    nodes: Array<{
      id: string;
      body: string;
      isMinimized: boolean;
      viewerDidAuthor: boolean;
      author: Author | null;
    }>;
  };
}
interface ReviewNode {
  state: ReviewState;
  body: string;
  submittedAt: string | null;
  author: Author | null;
  commit: { oid: string } | null;
}
interface CommentNode {
  body: string;
  viewerDidAuthor: boolean;
  author: Author | null;
}
interface PullRequestNode {
  headRefOid: string;
  author: Author | null;
  reviewThreads: ForwardPage<ThreadNode>;
  reviews: BackwardPage<ReviewNode>;
  reviewRequests: { nodes: Array<{ requestedReviewer: (Author & { slug?: string }) | null }> };
  timelineItems: { nodes: Array<{ __typename: string; createdAt?: string } | null> };
  comments: BackwardPage<CommentNode>;
}
type Response<T> = { repository: { pullRequest: T } };

export async function fetchPullRequestState(
  octokit: GitHubClient,
  target: ReviewTarget,
): Promise<PullRequestState> {
  const variables = { owner: target.owner, name: target.repo, number: target.pullNumber };
  const { repository } = await octokit.graphql<Response<PullRequestNode>>(
    PULL_REQUEST_STATE_QUERY,
    variables,
  );
  const pull = repository.pullRequest;

  const threads = [...pull.reviewThreads.nodes];
  for (let page = pull.reviewThreads.pageInfo; page.hasNextPage;) {
    const next = (
      await octokit.graphql<Response<{ reviewThreads: ForwardPage<ThreadNode> }>>(
        MORE_THREADS_QUERY,
        { ...variables, after: page.endCursor },
      )
    ).repository.pullRequest.reviewThreads;
    threads.push(...next.nodes);
    page = next.pageInfo;
  }
  const reviews = [...pull.reviews.nodes];
  for (let page = pull.reviews.pageInfo; page.hasPreviousPage;) {
    const next = (
      await octokit.graphql<Response<{ reviews: BackwardPage<ReviewNode> }>>(MORE_REVIEWS_QUERY, {
        ...variables,
        before: page.startCursor,
      })
    ).repository.pullRequest.reviews;
    reviews.unshift(...next.nodes);
    page = next.pageInfo;
  }
  const comments = [...pull.comments.nodes];
  for (let page = pull.comments.pageInfo; page.hasPreviousPage;) {
    const next = (
      await octokit.graphql<Response<{ comments: BackwardPage<CommentNode> }>>(
        MORE_CONVERSATION_QUERY,
        { ...variables, before: page.startCursor },
      )
    ).repository.pullRequest.comments;
    comments.unshift(...next.nodes);
    page = next.pageInfo;
  }

  const requested = { users: [] as string[], teams: [] as string[] };
  for (const { requestedReviewer } of pull.reviewRequests.nodes) {
    if (requestedReviewer?.__typename === 'User' && requestedReviewer.login)
      requested.users.push(requestedReviewer.login);
    if (requestedReviewer?.__typename === 'Team' && requestedReviewer.slug)
      requested.teams.push(requestedReviewer.slug);
  }
  const baseChangedAt = pull.timelineItems.nodes.at(-1)?.createdAt;
  return {
    headSha: pull.headRefOid,
    ...(pull.author?.login ? { author: pull.author.login } : {}),
    threads: threads.map((thread) => ({
      comments: thread.comments.nodes.map((comment) => ({
        nodeId: comment.id,
        body: comment.body,
        isMinimized: comment.isMinimized,
        byPosture: isPosture(comment),
      })),
    })),
    reviews: reviews
      .filter((review) => review.author?.login)
      .map((review) => ({
        author: review.author?.login as string,
        state: review.state,
        body: review.body,
        ...(review.commit ? { commitSha: review.commit.oid } : {}),
        ...(review.submittedAt ? { submittedAt: review.submittedAt } : {}),
      })),
    requested,
    conversation: comments.map((comment) => ({
      body: comment.body,
      byPosture: isPosture(comment),
    })),
    ...(baseChangedAt ? { baseChangedAt } : {}),
  };
}

/** A marker in a body proves nothing by itself: anyone can paste it. Only the app's own words count. */
function isPosture(comment: { viewerDidAuthor: boolean; author: Author | null }): boolean {
  return comment.viewerDidAuthor && comment.author?.__typename === 'Bot';
}
