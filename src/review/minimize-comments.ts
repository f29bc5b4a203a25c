/**
 * Folds Posture's comments on findings that are gone, with GraphQL `minimizeComment`: several
 * mutations per request, run one after another by GitHub. Minimizing needs only the
 * `pull_requests: write` permission Posture already has; resolving review threads would need
 * `contents: write`, which a reviewer that only reads code should not hold.
 */
import type { CommentToMinimize } from './posture-comments.js';
import type { GitHubClient } from './review-target.js';

/** Mutations per request; GitHub asks integrations to keep mutations few and serial. */
const MUTATIONS_PER_REQUEST = 20;

function minimizeMutation(batch: readonly CommentToMinimize[]): string {
  const fields = batch.map(
    (comment, index) =>
      `  m${index}: minimizeComment(input: { subjectId: ${JSON.stringify(comment.nodeId)}, classifier: ${comment.classifier} }) { minimizedComment { isMinimized } }`,
  );
  return `mutation PostureMinimizeComments {\n${fields.join('\n')}\n}`;
}

/** Returns how many comments were folded. */
export async function minimizeComments(
  octokit: GitHubClient,
  comments: readonly CommentToMinimize[],
): Promise<number> {
  let minimized = 0;
  for (let start = 0; start < comments.length; start += MUTATIONS_PER_REQUEST) {
    const batch = comments.slice(start, start + MUTATIONS_PER_REQUEST);
    await octokit.graphql(minimizeMutation(batch));
    minimized += batch.length;
  }
  return minimized;
}
