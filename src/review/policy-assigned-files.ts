/**
 * Changed files Posture reads only because the policy says so: a `.yml`, `.pp` or `.rb` file
 * its path alone leaves out (YAML under `compose/`, Ruby outside a cookbook) that `paths.languages`
 * of the org or the repository (at the base commit) gives a language. The CLI reads such files;
 * a review reads them too, in a second round of the content query that only such a policy costs.
 */
import { buildPolicy } from '../policy/build-policy.js';
import { orgLanguage, policyLanguage } from '../policy/resolve-rules.js';
import type { PolicyTexts } from './load-policy.js';
import type { ChangedFile } from './pr-files.js';

export function filesThePolicyAssigns(
  candidates: readonly ChangedFile[],
  policyTexts: PolicyTexts,
): ChangedFile[] {
  // A policy that names no languages assigns none; most never do, and are not built here.
  if (candidates.length === 0 || !namesLanguages(policyTexts)) return [];
  const { policy } = buildPolicy(policyTexts);
  return candidates
    .filter(
      (file) => (policyLanguage(policy, file.path) ?? orgLanguage(policy, file.path)) !== undefined,
    )
    .map((file) => ({ ...file, assignedByPolicy: true as const }));
}

function namesLanguages({ org, repo }: PolicyTexts): boolean {
  return [org, repo].some((text) => text?.text.includes('languages') === true);
}
