export interface ReviewBodyInput {
  /** comments in this review */
  commented: number;
  /** all new findings of the run */
  totalFindings: number;
  /** new findings whose comment from an earlier push is still open */
  alreadyCommented?: number;
}

/** The top-level text of Posture's review: what is inline, and where the rest is. */
export function reviewBody({
  commented,
  totalFindings,
  alreadyCommented = 0,
}: ReviewBodyInput): string {
  const inline = `Posture left ${commented} ${commented === 1 ? 'comment' : 'comments'} on this pull request's changes.`;
  const earlier =
    alreadyCommented > 0
      ? ` ${alreadyCommented} more ${alreadyCommented === 1 ? 'finding keeps its comment' : 'findings keep their comments'} from an earlier push.`
      : '';
  const remaining = totalFindings - commented - alreadyCommented;
  if (remaining <= 0) return `${inline}${earlier}`;
  const more = remaining === 1 ? '1 more finding is' : `${remaining} more findings are`;
  return `${inline}${earlier} ${more} listed in the **Posture** check run, with annotations on the files.`;
}
