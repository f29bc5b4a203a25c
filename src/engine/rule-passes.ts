/**
 * Which rules read a file, and in which language. Usually that is one pass: the language the
 * policy gives the file, with every rule active on it. When a repository's `paths.languages`
 * reads a file as another language than the org's layers do, the rules the org locked read it
 * the org's way, in a pass of their own, so that a repository cannot silence a locked rule by
 * declaring a playbook to be, say, Hiera data.
 */
import type { Deployment, Language } from '../model/model.js';
import { detectLanguage } from './detect-language.js';
import type { Rule } from '../rules/rule.js';
import {
  activeRules,
  orgLanguage,
  pathInScope,
  policyLanguage,
  type ActiveRule,
} from '../policy/resolve-rules.js';
import type { EffectivePolicy } from '../policy/types.js';

export interface RulePass {
  language: Language;
  rules: ActiveRule[];
}

export interface FilePlan {
  /** the language the policy reads the file in; undefined when Posture does not read it */
  language: Language | undefined;
  /** whether `paths.include`/`paths.exclude` keep the file in scope (locked rules run either way) */
  inScope: boolean;
  /** the passes with at least one rule, the policy's language first */
  passes: RulePass[];
}

export function planPasses(
  policy: EffectivePolicy,
  rules: readonly Rule[],
  path: string,
  content: string,
  forced?: Language,
  deployment?: Deployment,
): FilePlan {
  const given = forced ?? policyLanguage(policy, path);
  const language = detectLanguage(path, content, given, deployment);
  const inScope = pathInScope(policy, path);
  if (!language) return { language, inScope, passes: [] };
  // Recognising a file again is needed only where the org's layers give it another language.
  const orgGiven = forced ? given : orgLanguage(policy, path);
  const lockedLanguage =
    orgGiven === given
      ? language
      : (detectLanguage(path, content, orgGiven, deployment) ?? language);
  if (lockedLanguage === language)
    return {
      language,
      inScope,
      passes: nonEmpty([{ language, rules: activeRules(policy, rules, path, language) }]),
    };
  return {
    language,
    inScope,
    passes: nonEmpty([
      {
        language,
        rules: activeRules(policy, rules, path, language).filter((active) => !active.locked),
      },
      {
        language: lockedLanguage,
        rules: activeRules(policy, rules, path, lockedLanguage).filter((active) => active.locked),
      },
    ]),
  };
}

function nonEmpty(passes: RulePass[]): RulePass[] {
  return passes.filter((pass) => pass.rules.length > 0);
}
