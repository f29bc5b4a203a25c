/**
 * The hidden line at the end of every completed review's check-run summary. It tells a later
 * event that this head was reviewed (so a redelivered webhook does not review it again) and what
 * the security-review routing depended on (so an approval given on this commit can be carried to
 * a later one that changes nothing the routing looked at).
 */

export interface ReviewRecord {
  headSha: string;
  /** digest of what made the pull request need a security reviewer; undefined when nothing did */
  routingDigest?: string;
}

const PATTERN = /<!-- posture:review head=([0-9a-f]{40}) routing=([0-9a-f]{16,64}|none) -->/;

export function reviewMarker(record: ReviewRecord): string {
  return `<!-- posture:review head=${record.headSha} routing=${record.routingDigest ?? 'none'} -->`;
}

export function readReviewMarker(summary: string | null | undefined): ReviewRecord | undefined {
  const match = PATTERN.exec(summary ?? '');
  if (!match) return undefined;
  const [, headSha = '', routing = 'none'] = match;
  return { headSha, ...(routing === 'none' ? {} : { routingDigest: routing }) };
}
