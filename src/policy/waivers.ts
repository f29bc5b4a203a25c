/**
 * Waivers: exceptions granted in a policy, by rule or category, path, and optionally line or
 * fingerprint, with a reason, an approver and a last day. A waiver applies through its
 * `expires` date and stops the day after; an expired waiver is reported, never silently kept.
 */
import type { Finding } from '../model/finding.js';
import { matchesAny } from '../shared/globs.js';
import type { Notice } from './notice.js';
import type { Waiver } from './types.js';

/** `YYYY-MM-DD` of a moment, in UTC. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function isExpired(waiver: Waiver, now: Date): boolean {
  return waiver.expires < isoDay(now);
}

export function expiredWaiverNotices(waivers: readonly Waiver[], now: Date): Notice[] {
  return waivers
    .filter((waiver) => isExpired(waiver, now))
    .map((waiver) => ({
      path: waiver.source,
      message: `the waiver for ${waiver.rule ?? waiver.category} on ${waiver.path} (approved by ${waiver.approved_by}) expired on ${waiver.expires} and no longer applies`,
    }));
}

/**
 * @param fingerprintOf a finding's fingerprint as Posture prints it (comment markers, SARIF):
 *   `<sha256>:<n>`, the n-th finding of its rule on that line text in its file
 */
export function applyWaivers(
  findings: Finding[],
  waivers: readonly Waiver[],
  now: Date,
  fingerprintOf: (finding: Finding) => string,
): void {
  const active = waivers.filter((waiver) => !isExpired(waiver, now));
  if (active.length === 0) return;
  for (const finding of findings) {
    if (finding.status) continue;
    const waiver = active.find((candidate) => covers(candidate, finding, fingerprintOf));
    if (!waiver) continue;
    finding.status = 'waived';
    finding.justification = `waived by ${waiver.approved_by} until ${waiver.expires}: ${waiver.reason}`;
  }
}

function covers(
  waiver: Waiver,
  finding: Finding,
  fingerprintOf: (finding: Finding) => string,
): boolean {
  if (waiver.rule && waiver.rule !== finding.ruleId) return false;
  if (!waiver.rule && waiver.category !== finding.category) return false;
  if (!matchesAny(finding.path, [waiver.path])) return false;
  if (waiver.line !== undefined && waiver.line !== finding.range.line) return false;
  if (
    waiver.fingerprint !== undefined &&
    !matchesFingerprint(waiver.fingerprint, fingerprintOf(finding))
  )
    return false;
  return true;
}

/**
 * Whether a waiver's `fingerprint` names a finding's `<sha256>:<n>`: the whole of it, or a prefix
 * of the hash (8 hex digits or more), with or without the occurrence `:<n>`.
 */
export function matchesFingerprint(pattern: string, fingerprint: string): boolean {
  const [hashPrefix = '', occurrence] = pattern.split(':');
  const [hash = '', number] = fingerprint.split(':');
  return (
    hash.startsWith(hashPrefix) &&
    (occurrence === undefined || Number(occurrence) === Number(number))
  );
}
