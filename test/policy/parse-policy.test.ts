import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import { formatPolicyError } from '../../src/policy/types.js';

function messages(text: string, options: Parameters<typeof parsePolicy>[2] = {}): string[] {
  return parsePolicy(text, '.security.yml', options).errors.map(formatPolicyError);
}

describe('.security.yml validation', () => {
  it.each([
    ['an empty file', ''],
    ['thresholds', 'fail_on: medium\ncomment_on: none\n'],
    [
      'rule settings in every form',
      'rules:\n  hard-coded-secret: critical\n  weak-crypto: off\n  http-without-tls:\n    severity: low\n    exclude: ["tests/**"]\n    options:\n      allowed_hosts: ["mirror.internal"]\ncategories:\n  suspicious-comment: false\n',
    ],
    [
      'paths and languages',
      'paths:\n  include: ["infra/**"]\n  exclude: ["**/molecule/**"]\n  languages:\n    ansible: ["deploy/**/*.yml"]\n',
    ],
    [
      'a waiver',
      'waivers:\n  - rule: http-without-tls\n    path: "roles/legacy/**"\n    reason: vendor mirror has no TLS\n    expires: 2027-01-31\n    approved_by: alice\n',
    ],
    [
      'a custom rule',
      'custom_rules:\n  - id: no-latest\n    message: pin package versions\n    severity: low\n    category: missing-integrity-check\n    languages: [ansible]\n    match:\n      type: ["package", "apt", "yum"]\n      attribute: state\n      equals: latest\n',
    ],
    ['inline suppressions', 'inline_suppressions: deny-locked\n'],
    ['the fail-closed settings', 'on_unanalysable: warn\non_error: neutral\n'],
  ])('accepts %s', (_name, text) => {
    expect(messages(text)).toEqual([]);
  });

  it.each([
    [
      'an unknown top-level key, with a suggestion',
      'fial_on: high\n',
      ['.security.yml:1: fial_on: unknown key (did you mean "fail_on"?)'],
    ],
    [
      'a bad threshold',
      'fail_on: hihg\n',
      ['.security.yml:1: fail_on: expected one of critical, high, medium, low, none'],
    ],
    [
      'an unknown rule, with a suggestion',
      'rules:\n  hardcoded-secret: off\n',
      ['.security.yml:2: rules.hardcoded-secret: unknown rule (did you mean "hard-coded-secret"?)'],
    ],
    [
      'an unknown category',
      'categories:\n  crypto: off\n',
      ['.security.yml:2: categories.crypto: unknown category'],
    ],
    [
      'an unknown key in a rule setting',
      'rules:\n  weak-crypto:\n    severty: low\n',
      ['.security.yml:3: rules.weak-crypto.severty: unknown key (did you mean "severity"?)'],
    ],
    [
      'a bad rule setting',
      'rules:\n  weak-crypto: maybe\n',
      [
        '.security.yml:2: rules.weak-crypto: expected off, on, critical, high, medium, low, or a mapping of enabled, severity, include, exclude, options',
      ],
    ],
    [
      'a glob where a list is expected',
      'paths:\n  exclude: "tests/**"\n',
      ['.security.yml:2: paths.exclude: expected a list'],
    ],
    [
      'an option the rule does not declare',
      'rules:\n  http-without-tls:\n    options:\n      allowed_host: [x]\n',
      [
        '.security.yml:4: rules.http-without-tls.options.allowed_host: unknown option; http-without-tls takes allowed_hosts (did you mean "allowed_hosts"?)',
      ],
    ],
    [
      'an option named like a property every object inherits',
      'rules:\n  privileged-container:\n    options:\n      constructor: [x]\n  http-without-tls:\n    options:\n      __proto__: [x]\n',
      [
        '.security.yml:4: rules.privileged-container.options.constructor: privileged-container takes no options',
        '.security.yml:7: rules.http-without-tls.options.__proto__: unknown option; http-without-tls takes allowed_hosts',
      ],
    ],
    [
      'a waiver without a reason or expiry',
      'waivers:\n  - rule: weak-crypto\n    path: "**"\n    approved_by: bob\n',
      [
        '.security.yml:2: waivers[0]: missing required key "reason"',
        '.security.yml:2: waivers[0]: missing required key "expires"',
      ],
    ],
    [
      'a waiver naming no rule',
      'waivers:\n  - path: "**"\n    reason: because\n    expires: 2027-01-01\n    approved_by: bob\n',
      ['.security.yml:2: waivers[0]: expected a waiver that names a rule or a category'],
    ],
    [
      'a waiver with a bad date',
      'waivers:\n  - rule: weak-crypto\n    path: "**"\n    reason: because\n    expires: 2027-02-30x\n    approved_by: bob\n',
      ['.security.yml:5: waivers[0].expires: expected a date, YYYY-MM-DD'],
    ],
    [
      'a custom rule with a broken regex',
      'custom_rules:\n  - id: x\n    message: m\n    severity: low\n    category: weak-crypto\n    languages: [ansible]\n    match:\n      type: shell\n      attribute: cmd\n      regex: "(unclosed"\n',
      [
        '.security.yml:10: custom_rules[0].match.regex: is not a valid regular expression: error parsing regexp: missing closing ): `(unclosed`',
      ],
    ],
    [
      'a custom rule with two conditions',
      'custom_rules:\n  - id: x\n    message: m\n    severity: low\n    category: weak-crypto\n    languages: [ansible]\n    match:\n      type: shell\n      equals: a\n      glob: b\n',
      ['.security.yml:8: custom_rules[0].match: match takes one condition, not equals and glob'],
    ],
    [
      'a custom rule reusing a built-in id',
      'custom_rules:\n  - id: weak-crypto\n    message: m\n    severity: low\n    category: weak-crypto\n    languages: [ansible]\n    match:\n      type: shell\n',
      ['.security.yml:2: custom_rules[0].id: "weak-crypto" is a built-in rule; choose another id'],
    ],
    [
      'locked in a repository file',
      'locked:\n  rules: [weak-crypto]\n',
      [
        ".security.yml:1: locked: only the org policy (the org's .github repository) can lock rules and settings",
      ],
    ],
    [
      'broken YAML',
      'rules: [\n',
      [
        '.security.yml:2: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
    [
      'duplicate keys',
      'fail_on: low\nfail_on: high\n',
      ['.security.yml:2: YAML: Map keys must be unique'],
    ],
    [
      'an alias bomb',
      `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: &c [${Array(10).fill('*b').join(', ')}]\nd: [${Array(10).fill('*c').join(', ')}]\n`,
      ['.security.yml: YAML: Excessive alias count indicates a resource exhaustion attack'],
    ],
  ])('rejects %s', (_name, text, expected) => {
    expect(messages(text)).toEqual(expected);
  });

  it('accepts locked in the org policy', () => {
    expect(
      messages('locked:\n  rules: [hard-coded-secret]\n  settings: [fail_on]\n', {
        isOrgPolicy: true,
      }),
    ).toEqual([]);
  });

  it('refuses a policy nested absurdly deep with a located message, not a stack overflow', () => {
    expect(messages(`\nrules: ${'['.repeat(1000)}${']'.repeat(1000)}\n`)).toEqual([
      '.security.yml:2: YAML: nesting deeper than 128 levels is not analysed',
    ]);
  });

  it('refuses files too large to be a policy', () => {
    expect(messages(`# ${'x'.repeat(300 * 1024)}\n`)).toEqual([
      '.security.yml: the policy file is larger than 256 KiB',
    ]);
  });
});
