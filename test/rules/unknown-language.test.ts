/**
 * A language Posture learns later must not need an entry in every rule's knowledge tables: a
 * rule that has no knowledge for a language reports nothing in it, and never throws. Each rule
 * is run on the models of its own positive fixtures, the code it is known to flag, with the
 * model's language replaced by one no table knows. Only what a rule reads from the generic
 * parts of a model (values, comments, conditions, deployed configuration files) may still be
 * reported, by the rules listed below.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import type { FileModel, Language } from '../../src/model/model.js';
import { defaultPolicy } from '../../src/policy/defaults.js';
import { fixtureFiles } from '../../src/rules/fixture-files.js';
import { RULES } from '../../src/rules/index.js';
import type { Report, Rule } from '../../src/rules/rule.js';

const RULES_DIR = fileURLToPath(new URL('../../src/rules/', import.meta.url));

/**
 * Every language has a descriptor that says how its strings read variables, and the rules'
 * helpers ask it (`bindings`, `referencesIn`). The unknown language borrows the descriptor of
 * the language its fixture is written in, so that what is missing is only the rules' knowledge.
 */
const unknown = vi.hoisted(() => ({
  language: 'salt' as Language,
  writtenIn: undefined as Language | undefined,
}));
vi.mock('../../src/languages/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/languages/index.js')>();
  return {
    ...actual,
    descriptorOf: (language: Language) =>
      actual.descriptorOf(
        language === unknown.language && unknown.writtenIn ? unknown.writtenIn : language,
      ),
  };
});

/**
 * Rules that judge the settings of deployed configuration files, whose format the file's name
 * gives whatever language deploys it: they may report in those files only.
 */
const CONFIGURATION_FILES: Readonly<Record<string, string>> = {
  'audit-logging-weakened': 'auditd.conf settings',
  'automatic-updates-disabled': 'APT periodic settings',
  'boot-without-password': 'GRUB defaults and /etc/sysconfig/init',
  'database-without-authentication': 'database server settings and pg_hba.conf',
  'host-trust-file': 'PAM stacks that load pam_rhosts',
  'insecure-mount-options': 'fstab lines',
  'insecure-ssh-server': 'sshd_config settings',
  'kernel-hardening-disabled': 'sysctl settings',
  'missing-hsts': 'TLS server blocks of nginx and Apache',
  'plaintext-log-forwarding': 'rsyslog and journal-upload settings',
  'privileged-container': 'services of Compose files',
  'template-code-execution': 'code a template runs, and ansible.cfg settings',
  'unrestricted-ssh-access': 'sshd_config listen and allow settings',
  'weak-authentication-policy': 'PAM stacks and login.defs',
  'web-server-information-leak': 'nginx and Apache settings',
};

/** Rules that read values, names, comments or conditions, which every language's model has. */
const LANGUAGE_NEUTRAL: Readonly<Record<string, string>> = {
  'admin-by-default': 'administrator accounts as values of login keys, database client commands',
  'committed-certificate': 'PEM certificates in values',
  'credentials-in-url': 'passwords written in URLs',
  'docker-api-without-tls': 'daemon sockets in values of Docker-named keys and dockerd commands',
  'empty-password': 'empty values of password-named keys',
  'hard-coded-secret': 'literal values of secret-named keys',
  'http-without-tls': 'plain-HTTP URLs in values',
  'insecure-file-permissions': 'world-writable values of mode keys',
  'invalid-ip-binding': 'wildcard addresses in values of bind-named keys and in configuration',
  'missing-default-case': "the model's conditions",
  'security-control-disabled': 'SELinux turned off in written text, and a `ufw` unit disabled',
  'setuid-file': 'setuid and setgid bits in values of mode attributes',
  'ssh-host-key-checking-disabled': 'ssh options in strings, settings named host key checking',
  'sudo-nopasswd': 'sudoers rules written in strings and deployed sudoers files',
  'suspicious-comment': "the model's comments",
  'tls-verification-disabled': 'settings named for certificate verification',
  'unpinned-module-dependency': 'entries of requirements.yml, Puppetfile and Berksfile',
  'unsigned-package-source': 'settings named for signature checks, flags in strings',
  'weak-crypto': 'weak algorithms in values and in configuration',
};

/**
 * The models of a rule's positive fixtures in one language, parsed as the harness parses them:
 * with the rest of the fixtures, as one checkout.
 */
async function positiveModels(rule: Rule, language: Language): Promise<FileModel[]> {
  const files = fixtureFiles(join(RULES_DIR, rule.meta.id, 'fixtures', language)).map((file) => ({
    path: relative(RULES_DIR, file),
    content: readFileSync(file, 'utf8'),
  }));
  const base = defaultPolicy();
  const policy = {
    ...base,
    testCode: 'production' as const,
    rules: rule.meta.optIn ? { ...base.rules, [rule.meta.id]: { enabled: true } } : base.rules,
  };
  const result = await analyze(files, { language, rules: [rule], policy, keepModels: true });
  expect(result.errors).toEqual([]);
  return [...(result.models?.values() ?? [])].filter((model) =>
    model.path.split('/').at(-1)?.startsWith('positive'),
  );
}

/** Runs the rule's check on the model as if it were written in a language no table knows. */
function checkAsUnknown(rule: Rule, model: FileModel): Report[] {
  const reports: Report[] = [];
  const options = Object.fromEntries(
    Object.entries(rule.meta.options ?? {}).map(([name, option]) => [name, option.default]),
  );
  unknown.writtenIn = model.language;
  try {
    rule.check({
      file: { ...model, language: unknown.language },
      options,
      report: (report) => reports.push(report),
      // No definitions: the fixtures' variables are indexed under the language they are written in.
      resolve: () => [],
    });
  } finally {
    unknown.writtenIn = undefined;
  }
  return reports;
}

describe('every rule in a language it has no knowledge for', () => {
  it('lists only registered rules, each once', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    const listed = [...Object.keys(CONFIGURATION_FILES), ...Object.keys(LANGUAGE_NEUTRAL)];
    for (const id of listed) expect(ids).toContain(id);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))(
    '%s does not throw and reports only what is language-neutral',
    async (id, rule) => {
      let checked = 0;
      const reported: string[] = [];
      const outsideConfiguration: string[] = [];
      for (const language of rule.meta.languages)
        for (const model of await positiveModels(rule, language)) {
          let reports: Report[] = [];
          expect(() => (reports = checkAsUnknown(rule, model)), model.path).not.toThrow();
          checked++;
          for (const report of reports) {
            const found = `${model.path}:${report.range.line}: ${report.message}`;
            reported.push(found);
            if (!model.config) outsideConfiguration.push(found);
          }
        }
      expect(checked).toBeGreaterThan(0);
      if (id in LANGUAGE_NEUTRAL) {
        expect(reported, 'listed as language-neutral but reports nothing').not.toEqual([]);
      } else if (id in CONFIGURATION_FILES) {
        expect(reported, 'listed as reading configuration but reports nothing').not.toEqual([]);
        expect(outsideConfiguration).toEqual([]);
      } else {
        expect(reported).toEqual([]);
      }
    },
  );
});
