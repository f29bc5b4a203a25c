import type { EffectivePolicy } from './types.js';

/**
 * The built-in policy: every rule on at its own severity, high and above fail the check when
 * the pull request adds them, inline comments on added lines only, and no review routing.
 */
export function defaultPolicy(): EffectivePolicy {
  return {
    failOn: 'high',
    commentOn: 'low',
    failOnExisting: false,
    comments: { contextLines: false, outsideDiff: false },
    review: { teams: [], users: [], when: { categories: [], paths: [], surfaces: [], policyChange: false } },
    include: [],
    exclude: [],
    languageGlobs: {},
    rules: {},
    categories: {},
    locked: new Map(),
    lockedSettings: new Set(),
    inlineSuppressions: 'allow',
    waivers: [],
    customRules: [],
    sources: [],
  };
}
