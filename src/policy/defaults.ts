import type { EffectivePolicy } from './types.js';

/** The built-in policy: every rule on at its own severity, high and above fail the check. */
export function defaultPolicy(): EffectivePolicy {
  return {
    failOn: 'high',
    commentOn: 'low',
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
