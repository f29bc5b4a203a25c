import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { pascalCase, toSarif, type SarifLog } from '../../src/report/sarif.js';
import { runCaptured } from './support/run-captured.js';
import { sarifProblems } from './support/sarif-shape.js';
import { reportedFinding, scanReport } from './support/scan-report.js';
import { INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';
import { CUSTOM_RULE_POLICY, TEST_RULES, TEST_TLS_RULE } from './support/test-rules.js';

async function scanSarif(cwd: string, ...args: string[]): Promise<SarifLog> {
  const run = await runCaptured(['scan', '--format', 'sarif', ...args], cwd, { rules: TEST_RULES });
  return JSON.parse(run.stdout) as SarifLog;
}

const VERSION = { toolVersion: '0.0.0' };

describe('SARIF output', () => {
  it('satisfies the SARIF 2.1.0 parts GitHub code scanning requires', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': `${INSECURE_DOWNLOAD}# TODO: pin it\n`,
      'roles/web/tasks/broken.yml': 'a: [1\n',
      'roles/my role/tasks/main.yml': INSECURE_DOWNLOAD,
    });
    const log = await scanSarif(root);
    expect(sarifProblems(log)).toEqual([]);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({
      name: 'Posture',
      semanticVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
    });
    expect(
      run.results.map((result) => [
        result.ruleId,
        result.level,
        result.locations[0]?.physicalLocation.artifactLocation.uri,
      ]),
    ).toEqual([
      ['test-tls-off', 'error', 'roles/my%20role/tasks/main.yml'],
      ['test-tls-off', 'error', 'roles/web/tasks/main.yml'],
      ['test-todo-comment', 'note', 'roles/web/tasks/main.yml'],
      // A file it could not analyse fails the scan, so code scanning alerts on it as well.
      ['unanalysable-file', 'error', 'roles/web/tasks/broken.yml'],
    ]);
    expect(run.tool.driver.rules.at(-1)).toMatchObject({
      id: 'unanalysable-file',
      properties: { 'security-severity': '8.0' },
    });
    expect(run.results[3]?.ruleIndex).toBe(run.tool.driver.rules.length - 1);
    expect(run.results[1]).toMatchObject({
      ruleIndex: 0,
      message: { text: 'certificate validation is off' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uriBaseId: '%SRCROOT%' },
            region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 19 },
          },
        },
      ],
      partialFingerprints: {
        'postureFingerprint/v1': expect.stringMatching(/^[0-9a-f]{64}:1$/) as unknown,
      },
    });
    expect(run.results[1]).not.toHaveProperty('baselineState');
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: expect.stringMatching(/^YAML: /) as unknown },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'roles/web/tasks/broken.yml', uriBaseId: '%SRCROOT%' },
              region: { startLine: expect.any(Number) as unknown },
            },
          },
        ],
      },
    ]);
  });

  it('leaves a file it could not analyse a notification only under on_unanalysable: warn', async () => {
    const root = await tempTree({ 'roles/web/tasks/broken.yml': 'a: [1\n' });
    const { stdout } = await runCaptured(
      ['scan', '--format', 'sarif', '--on-unanalysable', 'warn'],
      root,
      { rules: TEST_RULES },
    );
    const [run] = (JSON.parse(stdout) as SarifLog).runs;
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules.map((rule) => rule.id)).not.toContain('unanalysable-file');
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(1);
  });

  it('places results relative to the repository root, wherever the scan runs from, and says where the root was', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
      '.security.yml': 'fail_on: low\n',
    });
    await mkdir(path.join(root, '.git'));
    const uris = (log: SarifLog) =>
      log.runs[0].results.map(
        (result) => result.locations[0]?.physicalLocation.artifactLocation.uri,
      );
    const fromRoot = await scanSarif(root);
    const fromInside = await scanSarif(path.join(root, 'roles', 'web'), '.');
    const fromParent = await scanSarif(path.dirname(root), path.basename(root));
    expect(uris(fromRoot)).toEqual(['roles/web/tasks/main.yml']);
    expect(uris(fromInside)).toEqual(uris(fromRoot));
    expect(uris(fromParent)).toEqual(uris(fromRoot));
    for (const log of [fromRoot, fromInside, fromParent]) {
      expect(log.runs[0].originalUriBaseIds).toEqual({
        '%SRCROOT%': { uri: `${pathToFileURL(root).href}/` },
      });
      expect(log.runs[0].properties.policies).toEqual([
        { layer: 'repository', path: '.security.yml' },
      ]);
      expect(sarifProblems(log)).toEqual([]);
    }
  });

  it('describes the rules of custom results too, so that every result points at its rule', async () => {
    const root = await tempTree({
      '.security.yml': CUSTOM_RULE_POLICY,
      'roles/web/tasks/main.yml':
        '- name: latest nginx\n  package:\n    name: nginx\n    state: latest\n',
    });
    const [run] = (await scanSarif(root)).runs;
    const custom = run.results.find((result) => result.ruleId === 'no-latest-packages');
    expect(custom?.ruleIndex).toBeDefined();
    const rule = run.tool.driver.rules[custom?.ruleIndex ?? -1];
    expect(rule).toMatchObject({
      id: 'no-latest-packages',
      shortDescription: { text: 'Pin package versions' },
      properties: {
        'security-severity': '5.5',
        tags: expect.arrayContaining(['missing-integrity-check']) as unknown,
      },
    });
    expect(rule).not.toHaveProperty('helpUri');
    expect(sarifProblems({ version: '2.1.0', $schema: 'x', runs: [run] })).toEqual([]);
  });

  it('ranks a rule by the severity the policy gives it', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
      '.security.yml':
        'categories:\n  tls-verification-disabled: critical\n  suspicious-comment: medium\n',
    });
    const [run] = (await scanSarif(root)).runs;
    const rule = (id: string) => run.tool.driver.rules.find((candidate) => candidate.id === id);
    expect(rule('test-tls-off')).toMatchObject({
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '9.5' },
    });
    expect(rule('test-todo-comment')).toMatchObject({
      defaultConfiguration: { level: 'warning' },
      properties: { 'security-severity': '5.5' },
    });
  });

  it('describes every rule it was given, with GitHub security severity, and links docs only when they are published', () => {
    const log = toSarif(
      scanReport({
        rules: [
          {
            ...TEST_RULES[0]!.meta,
            docsUrl: 'https://docs.example.com/rules/test-tls-off/README.md',
          },
          TEST_RULES[1]!.meta,
        ],
      }),
      {
        toolVersion: '1.2.3',
      },
    );
    expect(log.runs[0].tool.driver.rules).toEqual([
      {
        id: 'test-tls-off',
        name: 'TestTlsOff',
        shortDescription: { text: 'Test: certificate validation off' },
        fullDescription: { text: 'Flags `validate_certs: no`.' },
        help: {
          text: 'Remove `validate_certs: no`.',
          markdown: expect.stringContaining(
            '## Remediation\n\nRemove `validate_certs: no`.',
          ) as unknown,
        },
        helpUri: 'https://docs.example.com/rules/test-tls-off/README.md',
        defaultConfiguration: { level: 'error' },
        properties: {
          tags: ['tls-verification-disabled', 'security', 'ansible', 'external/cwe/cwe-295'],
          precision: 'high',
          'security-severity': '8.0',
        },
      },
      expect.objectContaining({
        id: 'test-todo-comment',
        defaultConfiguration: { level: 'note' },
        properties: expect.objectContaining({ 'security-severity': '3.0' }) as unknown,
      }),
    ]);
    expect(log.runs[0].tool.driver.rules[1]).not.toHaveProperty('helpUri');
  });

  it('maps severities to levels and security-severity scores', () => {
    const severities = ['critical', 'high', 'medium', 'low'] as const;
    const rules = severities.map((severity) => ({
      ...TEST_TLS_RULE.meta,
      id: `rule-${severity}`,
      severity,
    }));
    const findings = severities.map((severity) =>
      reportedFinding({ ruleId: `rule-${severity}`, severity }),
    );
    const [run] = toSarif(scanReport({ findings, rules }), VERSION).runs;
    expect(run.results.map((result) => [result.ruleIndex, result.level])).toEqual([
      [0, 'error'],
      [1, 'error'],
      [2, 'warning'],
      [3, 'note'],
    ]);
    expect(run.tool.driver.rules.map((rule) => rule.properties['security-severity'])).toEqual([
      '9.5',
      '8.0',
      '5.5',
      '3.0',
    ]);
  });

  it('marks findings as new or unchanged when they were compared with a baseline or a revision', () => {
    const findings = [
      reportedFinding({}),
      reportedFinding({
        status: 'baselined',
        range: { line: 9, column: 1, endLine: 9, endColumn: 4 },
      }),
    ];
    const [run] = toSarif(
      scanReport({
        findings,
        rules: [TEST_TLS_RULE.meta],
        baseline: { file: 'b.json', accepted: 1, unmatched: 0 },
      }),
      VERSION,
    ).runs;
    expect(run.results.map((result) => result.baselineState)).toEqual(['new', 'unchanged']);
    expect(run.results.every((result) => result.suppressions === undefined)).toBe(true);
  });

  it('reports policy errors as configuration notifications, placed when the file is in the repository', () => {
    const policyErrors = [
      {
        source: '.security.yml',
        line: 2,
        key: 'rules.hard-coded-secret',
        message: 'locked by the org policy',
      },
      { source: '../org.yml', message: 'not YAML' },
    ];
    const [run] = toSarif(scanReport({ policyErrors }), VERSION).runs;
    expect(run.invocations[0].toolConfigurationNotifications).toEqual([
      {
        level: 'error',
        message: { text: '.security.yml: rules.hard-coded-secret: locked by the org policy' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: '.security.yml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 2 },
            },
          },
        ],
      },
      { level: 'error', message: { text: '../org.yml: not YAML' } },
    ]);
  });

  it('keeps a degenerate range valid by dropping its end', () => {
    const findings = [reportedFinding({ range: { line: 3, column: 7, endLine: 3, endColumn: 7 } })];
    const [run] = toSarif(scanReport({ findings, rules: [TEST_TLS_RULE.meta] }), VERSION).runs;
    expect(run.results[0]?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 7,
    });
  });

  it('the shape check rejects what GitHub rejects', () => {
    const good = toSarif(
      scanReport({ findings: [reportedFinding({})], rules: [TEST_TLS_RULE.meta] }),
      VERSION,
    );
    const broken = (mutate: (log: SarifLog) => void): string[] => {
      const copy = structuredClone(good);
      mutate(copy);
      return sarifProblems(copy);
    };
    expect(sarifProblems(good)).toEqual([]);
    expect(broken((log) => Object.assign(log, { version: '2.0.0' }))).toEqual([
      'version must be "2.1.0"',
    ]);
    expect(broken((log) => (log.runs[0].results[0]!.ruleIndex = 3))).toContain(
      'runs[0].results[0]: ruleIndex out of range',
    );
    expect(
      broken(
        (log) =>
          (log.runs[0].results[0]!.locations[0]!.physicalLocation.artifactLocation.uri =
            '/abs/path.yml'),
      ),
    ).toHaveLength(1);
    expect(
      broken(
        (log) => (log.runs[0].results[0]!.locations[0]!.physicalLocation.region = { startLine: 0 }),
      ),
    ).toHaveLength(1);
    expect(
      broken((log) => (log.runs[0].tool.driver.rules[0]!.properties['security-severity'] = 'high')),
    ).toHaveLength(1);
    expect(broken((log) => Reflect.deleteProperty(log.runs[0].results[0]!, 'message'))).toEqual([
      'runs[0].results[0]: message.text is required',
    ]);
    expect(
      broken(
        (log) => (log.runs[0].originalUriBaseIds = { '%SRCROOT%': { uri: 'file:///work/repo' } }),
      ),
    ).toEqual(['runs[0]: originalUriBaseIds.%SRCROOT% must be an absolute URI ending in /']);
    expect(
      broken((log) => Object.assign(log.runs[0].results[0]!, { baselineState: 'old' })),
    ).toEqual(['runs[0].results[0]: baselineState must be new, unchanged, updated or absent']);
  });

  it('pascal-cases rule ids', () => {
    expect(pascalCase('tls-verification-disabled')).toBe('TlsVerificationDisabled');
    expect(pascalCase('sudo-nopasswd')).toBe('SudoNopasswd');
  });

  it('describes the real rule catalog acceptably', () => {
    const log = toSarif(scanReport({ rules: RULES.map((rule) => rule.meta) }), VERSION);
    expect(log.runs[0].tool.driver.rules).toHaveLength(RULES.length);
    expect(sarifProblems(log)).toEqual([]);
  });

  it('points from a value set in one file to where it lands, for code scanning and in JSON', async () => {
    const root = await tempTree({
      'group_vars/all.yml': '---\nssh_permit_root_login: "yes"\n',
      'roles/ssh/templates/sshd_config.j2':
        'Port 22\nPermitRootLogin {{ ssh_permit_root_login }}\n',
    });
    const sarif = JSON.parse(
      (await runCaptured(['scan', '--format', 'sarif', '--rule', 'insecure-ssh-server'], root))
        .stdout,
    ) as SarifLog;
    expect(sarifProblems(sarif)).toEqual([]);
    const [result] = sarif.runs[0]?.results ?? [];
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('group_vars/all.yml');
    expect(result?.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'roles/ssh/templates/sshd_config.j2', uriBaseId: '%SRCROOT%' },
          region: { startLine: 2 },
        },
        message: { text: 'used as `PermitRootLogin` in sshd_config' },
      },
    ]);
    const json = JSON.parse(
      (await runCaptured(['scan', '--format', 'json', '--rule', 'insecure-ssh-server'], root))
        .stdout,
    ) as { findings: Array<{ landing?: unknown }> };
    expect(json.findings.map((finding) => finding.landing)).toEqual([
      {
        path: 'roles/ssh/templates/sshd_config.j2',
        line: 2,
        as: 'as `PermitRootLogin` in sshd_config',
      },
    ]);
  });
});
