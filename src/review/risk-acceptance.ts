/**
 * "Accept risk": a security reviewer accepts the findings of a pull request as they stand. The
 * decision is recorded as a conversation comment by Posture, with a hidden record of who, when,
 * why, on which commit and which findings (by fingerprint), so that later pushes keep those
 * findings accepted and anyone can audit the decision. Only records the app itself wrote count.
 */
import { fingerprintHash, type FingerprintedFinding } from '../engine/diff-findings.js';
import { isOpen } from '../model/finding.js';
import type { ConversationComment } from './pull-request-state.js';

export const ACCEPT_RISK_ACTION = {
  label: 'Accept risk',
  description: 'Security reviewer accepts these findings',
  identifier: 'accept-risk',
} as const;

export interface RiskAcceptance {
  by: string;
  /** ISO timestamp */
  at: string;
  commitSha: string;
  reason: string;
  /** the routing digest at the time, so the acceptance also settles the security review */
  routingDigest?: string;
  /** the accepted findings' keys: fingerprint hash prefixes with their occurrence (`acceptanceKey`) */
  accepted: string[];
}

/** Enough of the fingerprint hash to tell findings apart, short enough to list thousands. */
const HASH_PREFIX = 16;
/**
 * Only the comment's last line, where Posture writes the record: the comment lists the accepted
 * findings' files above it, and a file may be named like a record. The names reach the comment
 * escaped, and a copy anywhere but at the end would not count in any case. The JSON holds no line
 * break (`JSON.stringify` escapes them).
 */
const RECORD = /(?:^|\n)<!-- posture:accepted-risk (\{[^\n]*\}) -->\s*$/;

/**
 * A finding's key in a record: a prefix of its fingerprint's hash and its occurrence among the
 * file's identical flagged lines (`<hash>:2`), so that accepting one `validate_certs: no` does
 * not accept a copy a later push adds. Records written before occurrences were kept name the
 * hash alone, which covers the first occurrence.
 */
export function acceptanceKey(item: FingerprintedFinding): string {
  const hash = fingerprintHash(item.fingerprint);
  const occurrence = item.fingerprint.slice(hash.length + 1) || '1';
  return `${hash.slice(0, HASH_PREFIX)}:${occurrence}`;
}

/** A recorded key as `acceptanceKey` writes it now. */
function withOccurrence(key: string): string {
  return key.includes(':') ? key : `${key}:1`;
}

export function acceptanceRecord(acceptance: RiskAcceptance): string {
  // `<` and `>` escaped so that no reason can close the HTML comment early.
  return `<!-- posture:accepted-risk ${JSON.stringify(acceptance).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')} -->`;
}

export function acceptancesIn(conversation: readonly ConversationComment[]): RiskAcceptance[] {
  return conversation.flatMap((comment) => {
    if (!comment.byPosture) return [];
    const json = RECORD.exec(comment.body)?.[1];
    if (!json) return [];
    try {
      const record = JSON.parse(json) as Partial<RiskAcceptance>;
      const valid =
        typeof record.by === 'string' &&
        typeof record.at === 'string' &&
        typeof record.commitSha === 'string' &&
        typeof record.reason === 'string' &&
        Array.isArray(record.accepted) &&
        record.accepted.every((key) => typeof key === 'string');
      return valid ? [record as RiskAcceptance] : [];
    } catch {
      return [];
    }
  });
}

/** Open findings some acceptance covers become accepted, with who accepted them and why. */
export function applyAcceptances(
  items: readonly FingerprintedFinding[],
  acceptances: readonly RiskAcceptance[],
): FingerprintedFinding[] {
  if (acceptances.length === 0) return [...items];
  const byKey = new Map<string, RiskAcceptance>();
  for (const acceptance of acceptances)
    for (const key of acceptance.accepted) byKey.set(withOccurrence(key), acceptance);
  return items.map((item) => {
    const acceptance = byKey.get(acceptanceKey(item));
    if (!acceptance || !isOpen(item.finding)) return item;
    const day = acceptance.at.slice(0, 10);
    const justification = `risk accepted by @${acceptance.by} on ${day}${acceptance.reason ? `: ${acceptance.reason}` : ''}`;
    return { ...item, finding: { ...item.finding, status: 'waived', justification } };
  });
}

/** The reason a reviewer gave: the text of their latest review of the pull request, if any. */
export function reasonFrom(
  reviews: ReadonlyArray<{ author: string; body: string }>,
  login: string,
): string {
  const own = reviews.filter(
    (review) => review.author.toLowerCase() === login.toLowerCase() && review.body.trim() !== '',
  );
  return (own.at(-1)?.body ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
}
