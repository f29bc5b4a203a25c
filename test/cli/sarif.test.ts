import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { RULES } from '../../src/rules/index.js';
import { createLineLookup } from '../../src/engine/fingerprint.js';
import { pascalCase, toSarif, type SarifLog } from '../../src/report/sarif.js';
import { runCaptured } from './support/run-captured.js';
import { sarifProblems } from './support/sarif-shape.js';
import { INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';
import { TEST_RULES, TEST_TLS_RULE } from './support/test-rules.js';

async function scanSarif(files: Record<string, string>): Promise<SarifLog> {
  const root = await tempTree(files);
  const run = await runCaptured(['scan', '--format', 'sarif'], root, { rules: TEST_RULES });
  return JSON.parse(run.stdout) as SarifLog;
}

const finding = (overrides: Partial<Finding>): Finding => ({
  ruleId: TEST_TLS_RULE.meta.id,
  category: TEST_TLS_RULE.meta.category,
  severity: 'high',
  language: 'ansible',
  path: 'roles/web/tasks/main.yml',
  range: { line: 5, column: 5, endLine: 5, endColumn: 19 },
  message: 'certificate validation is off',
  ...overrides,
});

describe('SARIF output', () => {
  it('satisfies the SARIF 2.1.0 parts GitHub code scanning requires', async () => {
    const log = await scanSarif({
      'roles/web/tasks/main.yml': `${INSECURE_DOWNLOAD}# TODO: pin it\n`,
      'roles/web/tasks/broken.yml': 'a: [1\n',
      'roles/my role/tasks/main.yml': INSECURE_DOWNLOAD,
    });
    expect(sarifProblems(log)).toEqual([]);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({ name: 'Posture', semanticVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(run.results.map((result) => [result.ruleId, result.level, result.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['test-tls-off', 'error', 'roles/my%20role/tasks/main.yml'],
      ['test-tls-off', 'error', 'roles/web/tasks/main.yml'],
      ['test-todo-comment', 'note', 'roles/web/tasks/main.yml'],
    ]);
    expect(run.results[1]).toMatchObject({
      ruleIndex: 0,
      message: { text: 'certificate validation is off' },
      locations: [{ physicalLocation: { artifactLocation: { uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 19 } } }],
      partialFingerprints: { 'postureFingerprint/v1': expect.stringMatching(/^[0-9a-f]{64}:1$/) },
    });
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: expect.stringMatching(/^YAML: /) },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'roles/web/tasks/broken.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: expect.any(Number) } } }],
      },
    ]);
  });

  it('describes every rule it was given, with GitHub security severity', () => {
    const log = toSarif({ findings: [], errors: [], rules: TEST_RULES.map((rule) => rule.meta), toolVersion: '1.2.3', lineText: () => '' });
    expect(log.runs[0].tool.driver.rules).toEqual([
      {
        id: 'test-tls-off',
        name: 'TestTlsOff',
        shortDescription: { text: 'Test: certificate validation off' },
        fullDescription: { text: 'Flags `validate_certs: no`.' },
        help: { text: 'Remove `validate_certs: no`.', markdown: expect.stringContaining('## Remediation\n\nRemove `validate_certs: no`.') },
        helpUri: 'https://github.com/posture-security/posture/blob/main/src/rules/test-tls-off/README.md',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['tls-verification-disabled', 'security', 'ansible', 'external/cwe/cwe-295'], precision: 'high', 'security-severity': '8.0' },
      },
      expect.objectContaining({ id: 'test-todo-comment', defaultConfiguration: { level: 'note' }, properties: expect.objectContaining({ 'security-severity': '3.0' }) }),
    ]);
  });

  it('maps severities to levels and security-severity scores', () => {
    const severities = ['critical', 'high', 'medium', 'low'] as const;
    const rules = severities.map((severity) => ({ ...TEST_TLS_RULE.meta, id: `rule-${severity}`, severity }));
    const findings = severities.map((severity) => finding({ ruleId: `rule-${severity}`, severity }));
    const [run] = toSarif({ findings, errors: [], rules, toolVersion: '0.0.0', lineText: () => 'validate_certs: no' }).runs;
    expect(run.results.map((result) => [result.ruleIndex, result.level])).toEqual([[0, 'error'], [1, 'error'], [2, 'warning'], [3, 'note']]);
    expect(run.tool.driver.rules.map((rule) => rule.properties['security-severity'])).toEqual(['9.5', '8.0', '5.5', '3.0']);
  });

  it('keeps a degenerate range valid by dropping its end', () => {
    const [run] = toSarif({
      findings: [finding({ range: { line: 3, column: 7, endLine: 3, endColumn: 7 } })],
      errors: [],
      rules: [TEST_TLS_RULE.meta],
      toolVersion: '0.0.0',
      lineText: () => '',
    }).runs;
    expect(run.results[0]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 3, startColumn: 7 });
  });

  it('the shape check rejects what GitHub rejects', () => {
    const good = toSarif({
      findings: [finding({})],
      errors: [],
      rules: [TEST_TLS_RULE.meta],
      toolVersion: '0.0.0',
      lineText: createLineLookup(new Map([['roles/web/tasks/main.yml', INSECURE_DOWNLOAD]])),
    });
    const broken = (mutate: (log: SarifLog) => void): string[] => {
      const copy = structuredClone(good);
      mutate(copy);
      return sarifProblems(copy);
    };
    expect(sarifProblems(good)).toEqual([]);
    expect(broken((log) => Object.assign(log, { version: '2.0.0' }))).toEqual(['version must be "2.1.0"']);
    expect(broken((log) => (log.runs[0].results[0]!.ruleIndex = 3))).toContain('runs[0].results[0]: ruleIndex out of range');
    expect(broken((log) => (log.runs[0].results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = '/abs/path.yml'))).toHaveLength(1);
    expect(broken((log) => (log.runs[0].results[0]!.locations[0]!.physicalLocation.region = { startLine: 0 }))).toHaveLength(1);
    expect(broken((log) => (log.runs[0].tool.driver.rules[0]!.properties['security-severity'] = 'high'))).toHaveLength(1);
    expect(broken((log) => Reflect.deleteProperty(log.runs[0].results[0]!, 'message'))).toEqual(['runs[0].results[0]: message.text is required']);
  });

  it('pascal-cases rule ids', () => {
    expect(pascalCase('tls-verification-disabled')).toBe('TlsVerificationDisabled');
    expect(pascalCase('sudo-nopasswd')).toBe('SudoNopasswd');
  });

  it('describes the real rule catalog acceptably', () => {
    const log = toSarif({ findings: [], errors: [], rules: RULES.map((rule) => rule.meta), toolVersion: '0.0.0', lineText: () => '' });
    expect(log.runs[0].tool.driver.rules).toHaveLength(RULES.length);
    expect(sarifProblems(log)).toEqual([]);
  });
});
