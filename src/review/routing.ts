/**
 * Whether a pull request needs a security reviewer under the policy's `review:` section, why, and
 * a digest of exactly what triggered it and of every new finding the fail threshold would fail
 * on, routed or not: the reviewer's decision replaces the threshold, so it covers what they saw.
 * An approval given on one commit stays valid on a later one with the same digest: a push that
 * changes nothing the routing looked at and adds no finding at the threshold needs no new
 * approval, a push that does needs one.
 */
import { createHash } from 'node:crypto';
import { reachesThreshold } from '../engine/analyze.js';
import type { FingerprintedFinding } from '../engine/diff-findings.js';
import type { SurfaceChange } from '../engine/impact.js';
import { riskRank, SURFACE_LABELS, type RiskLevel } from '../model/risk.js';
import { matchesAny } from '../shared/globs.js';
import type { ReviewRouting, Threshold } from '../policy/types.js';
import { codeSpan } from '../report/markdown.js';
import type { ChangedFiles, ListedFile } from './pr-files.js';

export interface RoutingFacts {
  /** new findings nobody in the security team has accepted (open, or suppressed by the author) */
  added: readonly FingerprintedFinding[];
  risk: RiskLevel;
  surfaces: readonly SurfaceChange[];
  listed: readonly ListedFile[];
  policyFile?: ChangedFiles['policyFile'];
  /** the policy's `fail_on`: the findings a sign-off lets through in its place */
  failOn: Threshold;
}

export interface Routing {
  teams: string[];
  users: string[];
  /** Markdown sentences, one per condition met */
  reasons: string[];
  digest: string;
}

const LISTED_PATHS = 5;

export function routeToSecurityReview(
  review: ReviewRouting,
  facts: RoutingFacts,
): Routing | undefined {
  if (review.teams.length + review.users.length === 0) return undefined;
  const reasons: string[] = [];
  const items: string[] = [];
  const { when } = review;

  if (when.risk && riskRank(facts.risk) >= riskRank(when.risk)) {
    reasons.push(`its risk is ${facts.risk}, at or above ${when.risk}`);
    items.push(
      `risk:${facts.risk}`,
      ...facts.added.map(findingItem),
      ...facts.surfaces.map(surfaceItem),
    );
  }
  for (const category of when.categories) {
    const matching = facts.added.filter(({ finding }) => finding.category === category);
    if (matching.length === 0) continue;
    reasons.push(
      `it adds ${matching.length === 1 ? 'a' : matching.length} ${codeSpan(category)} ${matching.length === 1 ? 'finding' : 'findings'}`,
    );
    items.push(...matching.map(findingItem));
  }
  if (when.paths.length > 0) {
    const matching = facts.listed.filter((file) => matchesAny(file.path, when.paths));
    if (matching.length > 0) {
      const named = matching
        .slice(0, LISTED_PATHS)
        .map((file) => codeSpan(file.path))
        .join(', ');
      const more =
        matching.length > LISTED_PATHS ? ` and ${matching.length - LISTED_PATHS} more` : '';
      reasons.push(`it changes ${named}${more}, under ${when.paths.map(codeSpan).join(', ')}`);
      items.push(...matching.map((file) => `path:${file.path}:${file.headBlobSha ?? 'removed'}`));
    }
  }
  for (const change of facts.surfaces.filter((candidate) =>
    when.surfaces.includes(candidate.surface),
  )) {
    reasons.push(`it touches ${SURFACE_LABELS[change.surface]}`);
    items.push(surfaceItem(change));
  }
  if (when.policyChange && facts.policyFile) {
    reasons.push(
      `it ${facts.policyFile.status === 'removed' ? 'deletes' : 'edits'} the security policy ${codeSpan('.security.yml')}`,
    );
    items.push(`policy:${facts.policyFile.blobSha ?? 'removed'}`);
  }
  if (reasons.length === 0) return undefined;
  items.push(
    ...facts.added
      .filter(({ finding }) => reachesThreshold([finding], facts.failOn))
      .map(findingItem),
  );
  return { teams: [...review.teams], users: [...review.users], reasons, digest: digestOf(items) };
}

/**
 * A finding as the routing saw it: its fingerprint, with its occurrence among identical flagged
 * lines (a second copy of a routed line changes the digest), and its message, which says what the
 * flagged code does (`SELinux is set to permissive`) when the value sits on another line.
 */
function findingItem({ finding, fingerprint }: FingerprintedFinding): string {
  return `finding:${fingerprint}:${finding.message}`;
}

function surfaceItem(change: SurfaceChange): string {
  return `surface:${change.surface}:${change.digest}`;
}

function digestOf(items: readonly string[]): string {
  return createHash('sha256')
    .update([...new Set(items)].sort().join('\n'))
    .digest('hex')
    .slice(0, 32);
}
