import { DEFAULT_PROFILE } from '../rules/profiles.js';
import type { EffectivePolicy } from './types.js';

/**
 * The built-in policy: every rule on at its own severity, high and above fail the check when
 * the pull request adds them, inline comments on added lines only, no review routing, and a
 * gate that fails closed: a file it cannot analyse, or a review that breaks off, fails the check.
 * Findings are the security profile's, and test and example code is reported apart.
 */
export function defaultPolicy(): EffectivePolicy {
  return {
    failOn: 'high',
    commentOn: 'low',
    failOnExisting: false,
    comments: { contextLines: false, outsideDiff: false },
    review: {
      teams: [],
      users: [],
      when: { categories: [], paths: [], surfaces: [], policyChange: false },
    },
    include: [],
    exclude: [],
    languageGlobs: {},
    orgLanguageGlobs: {},
    rules: {},
    categories: {},
    locked: new Map(),
    lockedSettings: new Set(),
    inlineSuppressions: 'allow',
    waivers: [],
    customRules: [],
    onUnanalysable: 'fail',
    onError: 'fail',
    profile: DEFAULT_PROFILE,
    testCode: 'report',
    sources: [],
  };
}
