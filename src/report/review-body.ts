export interface ReviewBodyInput {
  /** inline comments in this review */
  commented: number;
  /** all findings of the run */
  totalFindings: number;
}

/** The top-level text of Posture's review: what is inline, and where the rest is. */
export function reviewBody({ commented, totalFindings }: ReviewBodyInput): string {
  const inline = `Posture left ${commented} ${commented === 1 ? 'comment' : 'comments'} on lines this pull request adds.`;
  const remaining = totalFindings - commented;
  if (remaining <= 0) return inline;
  const more = remaining === 1 ? '1 more finding is' : `${remaining} more findings are`;
  return `${inline} ${more} listed in the **Posture** check run, with annotations on the files.`;
}
