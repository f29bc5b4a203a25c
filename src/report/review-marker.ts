/**
 * The hidden line at the end of every completed review's check-run summary. It tells a later
 * event that this head was reviewed against this base commit (so a redelivered webhook does not
 * review it again, while a pull request moved to another base, or a second pull request of the
 * same head, is reviewed against its own) and what the security-review routing depended on (so an
 * approval given on this commit can be carried to a later one that changes nothing the routing
 * looked at), and the verdict this pull request's own review reached (so that another pull request
 * of the same head can combine it with its own: a commit has one check for all of them).
 */

/** The conclusions a review can reach, best first. */
export type ReviewVerdict = 'success' | 'neutral' | 'action_required' | 'failure';

export interface ReviewRecord {
  headSha: string;
  /** the base commit the head was compared with; absent from records written before it was kept */
  baseSha?: string;
  /** digest of what made the pull request need a security reviewer; undefined when nothing did */
  routingDigest?: string;
  /**
   * the conclusion this pull request's review reached on its own, before it was combined with
   * those of other pull requests of the same head; absent from records written before it was kept
   */
  own?: ReviewVerdict;
}

/**
 * Only the summary's last line: the summary also shows file names, rule ids and messages from the
 * repository, and a file may be named like this line. Its names reach the summary escaped (no
 * `<` of theirs is left), and a copy anywhere but at the end would not count in any case.
 */
const LAST_LINE =
  /(?:^|\n)<!-- posture:review head=([0-9a-f]{40})(?: base=([0-9a-f]{40}))? routing=([0-9a-f]{16,64}|none)(?: own=(success|neutral|action_required|failure))? -->\s*$/;

export function reviewMarker(record: ReviewRecord): string {
  const base = record.baseSha ? ` base=${record.baseSha}` : '';
  const own = record.own ? ` own=${record.own}` : '';
  return `<!-- posture:review head=${record.headSha}${base} routing=${record.routingDigest ?? 'none'}${own} -->`;
}

/**
 * The record of a run on `headSha`. A record that names another head is not this run's: Posture
 * writes the head it reviewed, so such a line came from somewhere else, and is not trusted.
 */
export function readReviewMarker(
  summary: string | null | undefined,
  headSha: string,
): ReviewRecord | undefined {
  const match = LAST_LINE.exec(summary ?? '');
  if (!match) return undefined;
  const [, head = '', base, routing = 'none', own] = match;
  if (head !== headSha) return undefined;
  return {
    headSha: head,
    ...(base ? { baseSha: base } : {}),
    ...(routing === 'none' ? {} : { routingDigest: routing }),
    ...(own ? { own: own as ReviewVerdict } : {}),
  };
}
