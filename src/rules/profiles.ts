/**
 * Profiles: which definition of a finding a policy applies.
 *
 * - `security` (the default): every finding is one a security engineer would comment on in a
 *   pull request. Code smells that decide nothing about security are not reported.
 * - `glitch`: the security smells exactly as GLITCH (ASE 2022) defines them, for research and
 *   for comparing with its oracle. It reports everything `security` reports and more.
 *
 * A rule says which of its findings belong to which profile in one of two places: its metadata
 * (`profiles`: the profiles the rule runs in by default) or a report (`profiles`: the profiles
 * that one finding belongs to). The engine reads them in two places only: `resolve-rules.ts`
 * (which rules run) and `run-rules.ts` (which reports become findings).
 */
export const PROFILES = ['security', 'glitch'] as const;
export type Profile = (typeof PROFILES)[number];

export const DEFAULT_PROFILE: Profile = 'security';

/** What each profile is for, in words, for the schema's description. */
export const PROFILE_DESCRIPTIONS: Readonly<Record<Profile, string>> = {
  security: 'findings a security reviewer would comment on (default)',
  glitch: "GLITCH's security smell definitions in full, code smells included",
};

/** Profiles ordered by how much they report: each reports everything the ones before it do. */
const FROM_FEWEST_FINDINGS: readonly Profile[] = ['security', 'glitch'];

/** How much a profile reports; moving to a profile with a lower number reports less. */
export function profileBreadth(profile: Profile): number {
  return FROM_FEWEST_FINDINGS.indexOf(profile);
}

/** Whether something declared for `profiles` (all of them when absent) applies under `profile`. */
export function inProfile(profiles: readonly Profile[] | undefined, profile: Profile): boolean {
  return profiles === undefined || profiles.includes(profile);
}
