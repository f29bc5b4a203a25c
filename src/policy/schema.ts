/**
 * The JSON Schema of `.security.yml`. Descriptions double as the reference in the README;
 * `x-expected` says in words what a value must be when it is wrong.
 */
import { SEVERITIES } from '../model/finding.js';
import { RISK_LEVELS, SURFACES } from '../model/risk.js';
import { LANGUAGES } from '../model/model.js';
import { CATEGORIES } from '../rules/categories.js';
import { PROFILES, PROFILE_DESCRIPTIONS } from '../rules/profiles.js';
import type { LockableSetting, TestCodeHandling } from './types.js';

const severity = { enum: [...SEVERITIES], 'x-expected': `one of ${SEVERITIES.join(', ')}` };
const threshold = {
  enum: [...SEVERITIES, 'none'],
  'x-expected': `one of ${SEVERITIES.join(', ')}, none`,
};
const glob = { type: 'string', minLength: 1, maxLength: 500 };
const globList = { type: 'array', items: glob, maxItems: 500 };
const stringOrList = { anyOf: [glob, globList], 'x-expected': 'a glob or a list of globs' };

const ruleSettingObject = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean', description: 'false turns the rule off' },
    severity: { ...severity, description: 'the severity its findings get' },
    include: { ...globList, description: 'only these paths' },
    exclude: { ...globList, description: 'not these paths' },
    options: {
      type: 'object',
      description: 'options the rule declares (see the rule catalog)',
      additionalProperties: {
        type: 'array',
        items: { type: 'string', maxLength: 500 },
        maxItems: 500,
      },
    },
  },
};

/** `off`, `on`, a severity, or a mapping. */
const ruleSetting = {
  if: { type: 'object' },
  then: ruleSettingObject,
  else: {
    enum: ['off', 'on', false, true, ...SEVERITIES],
    'x-expected': `off, on, ${SEVERITIES.join(', ')}, or a mapping of enabled, severity, include, exclude, options`,
  },
};

const waiver = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'reason', 'expires', 'approved_by'],
  anyOf: [{ required: ['rule'] }, { required: ['category'] }],
  'x-expected': 'a waiver that names a rule or a category',
  properties: {
    rule: { type: 'string', minLength: 1 },
    category: { enum: [...CATEGORIES], 'x-expected': 'one of the categories in the rule catalog' },
    path: { ...glob, description: 'glob of the files it covers' },
    line: { type: 'integer', minimum: 1 },
    fingerprint: {
      type: 'string',
      pattern: '^[0-9a-f]{8,64}(:\\d+)?$',
      'x-expected': 'a finding fingerprint (hex)',
    },
    reason: { type: 'string', minLength: 3, 'x-expected': 'a reason of a few words' },
    expires: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      'x-expected': 'a date, YYYY-MM-DD',
    },
    approved_by: { type: 'string', minLength: 1 },
  },
};

export const LOCKABLE_SETTINGS: readonly LockableSetting[] = [
  'fail_on',
  'comment_on',
  'inline_suppressions',
  'fail_on_existing',
  'review',
  'on_unanalysable',
  'on_error',
  'profile',
  'test_code',
];

const TEST_CODE_HANDLING: readonly TestCodeHandling[] = ['report', 'ignore', 'production'];

/** A GitHub team slug, optionally with its org (`security`, `acme/security`). */
const team = {
  type: 'string',
  pattern: '^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/)?[A-Za-z0-9][A-Za-z0-9._-]*$',
  'x-expected': 'a team slug, or org/slug',
};
/** A GitHub login. */
const user = {
  type: 'string',
  pattern: '^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$',
  'x-expected': 'a GitHub login',
};

const review = {
  type: 'object',
  additionalProperties: false,
  description: 'security reviewers, and the pull requests that need their approval',
  properties: {
    teams: {
      type: 'array',
      items: team,
      maxItems: 20,
      description: 'teams whose members are security reviewers',
    },
    users: {
      type: 'array',
      items: user,
      maxItems: 50,
      description: 'people who are security reviewers',
    },
    when: {
      type: 'object',
      additionalProperties: false,
      description: 'what makes a pull request need a security reviewer (any one of them)',
      properties: {
        risk: {
          enum: [...RISK_LEVELS],
          'x-expected': `one of ${RISK_LEVELS.join(', ')}`,
          description: 'the risk level at or above which',
        },
        categories: {
          type: 'array',
          items: {
            enum: [...CATEGORIES],
            'x-expected': 'one of the categories in the rule catalog',
          },
          maxItems: 100,
        },
        paths: { ...globList, description: 'changed files matching these globs' },
        surfaces: {
          type: 'array',
          items: { enum: [...SURFACES], 'x-expected': `one of ${SURFACES.join(', ')}` },
          maxItems: 20,
        },
        policy_change: { type: 'boolean', description: 'the pull request edits .security.yml' },
      },
    },
  },
};

const scalar = { type: ['string', 'number', 'boolean'] };
const customRule = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'message', 'severity', 'category', 'languages', 'match'],
  properties: {
    id: {
      type: 'string',
      pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
      maxLength: 80,
      'x-expected': 'a kebab-case id',
    },
    title: { type: 'string', maxLength: 200 },
    message: { type: 'string', minLength: 1, maxLength: 1000 },
    severity,
    category: { enum: [...CATEGORIES], 'x-expected': 'one of the categories in the rule catalog' },
    languages: {
      type: 'array',
      minItems: 1,
      items: { enum: [...LANGUAGES], 'x-expected': `one of ${LANGUAGES.join(', ')}` },
    },
    match: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: stringOrList,
        variable: stringOrList,
        attribute: { type: 'string', minLength: 1, maxLength: 200 },
        equals: scalar,
        one_of: { type: 'array', items: scalar, minItems: 1, maxItems: 500 },
        glob,
        regex: { type: 'string', minLength: 1, maxLength: 1000 },
        greater_than: { type: 'number' },
        less_than: { type: 'number' },
        present: { const: true, 'x-expected': 'true' },
        absent: { const: true, 'x-expected': 'true' },
      },
    },
  },
};

export const POLICY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    fail_on: {
      ...threshold,
      description: 'findings at or above this severity fail the check (default high)',
    },
    comment_on: {
      ...threshold,
      description: 'findings at or above this severity get inline comments (default low)',
    },
    fail_on_existing: {
      type: 'boolean',
      description:
        'findings already on the base branch count towards the verdict too (default false)',
    },
    comments: {
      type: 'object',
      additionalProperties: false,
      properties: {
        context_lines: {
          type: 'boolean',
          description: 'also comment on the unchanged lines the diff shows (default false)',
        },
        outside_diff: {
          type: 'boolean',
          description: 'comment on the file for new findings outside the diff (default false)',
        },
      },
    },
    review,
    paths: {
      type: 'object',
      additionalProperties: false,
      properties: {
        include: { ...globList, description: 'only analyse these paths' },
        exclude: {
          ...globList,
          description: 'never analyse these paths (locked rules still apply)',
        },
        languages: {
          type: 'object',
          additionalProperties: false,
          description: 'paths that are in a language whatever their layout',
          properties: Object.fromEntries(LANGUAGES.map((language) => [language, globList])),
        },
      },
    },
    rules: {
      type: 'object',
      additionalProperties: ruleSetting,
      description: 'settings by rule id',
    },
    categories: {
      type: 'object',
      additionalProperties: ruleSetting,
      description: 'settings by category',
    },
    locked: {
      type: 'object',
      additionalProperties: false,
      description: 'org policy only: what repositories cannot loosen',
      properties: {
        rules: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 500 },
        settings: {
          type: 'array',
          items: { enum: [...LOCKABLE_SETTINGS], 'x-expected': LOCKABLE_SETTINGS.join(', ') },
        },
      },
    },
    inline_suppressions: {
      enum: ['allow', 'deny-locked', 'deny'],
      'x-expected': 'allow, deny-locked or deny',
      description: 'whether `posture:ignore` comments are honoured',
    },
    waivers: { type: 'array', items: waiver, maxItems: 2000 },
    custom_rules: { type: 'array', items: customRule, maxItems: 500 },
    on_unanalysable: {
      enum: ['fail', 'warn'],
      'x-expected': 'fail or warn',
      description:
        'a changed configuration file Posture could not analyse (too large, nested too deeply, invalid): fail fails the check, warn only lists it (default fail)',
    },
    on_error: {
      enum: ['fail', 'neutral'],
      'x-expected': 'fail or neutral',
      description:
        'when Posture or GitHub fails during a review: fail completes the check run failure, neutral completes it neutral (default fail)',
    },
    profile: {
      enum: [...PROFILES],
      'x-expected': PROFILES.join(' or '),
      description: `which findings are reported: ${PROFILES.map((profile) => `${profile}, ${PROFILE_DESCRIPTIONS[profile]}`).join('; ')}`,
    },
    test_code: {
      enum: [...TEST_CODE_HANDLING],
      'x-expected': 'report, ignore or production',
      description:
        'test and example code (spec/, test/, tests/, molecule/, fixtures/, examples/, docs/ ...): report lists its findings apart, at low severity and outside the verdict (default); ignore does not analyse it; production judges it like any other code',
    },
  },
} as const;
