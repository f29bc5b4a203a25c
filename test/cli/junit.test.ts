import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/junit.js';
import { runCaptured } from './support/run-captured.js';
import { reportedFinding, scanReport } from './support/scan-report.js';
import { INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';
import { TEST_RULES } from './support/test-rules.js';
import { readXml, type XmlElement } from './support/xml-document.js';

const child = (element: XmlElement | undefined, name: string) =>
  element?.children.find((candidate) => candidate.name === name);

describe('--format junit', () => {
  it('writes one suite per file and one case per finding, failing what fails the scan', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': `${INSECURE_DOWNLOAD}# TODO: pin it\n`,
      'roles/web/tasks/broken.yml': 'a: [1\n',
      'roles/db/tasks/main.yml': '- name: ok\n  package:\n    name: postgresql\n',
    });
    const run = await runCaptured(['scan', '-f', 'junit'], root, { rules: TEST_RULES });
    expect(run.exitCode).toBe(1);
    expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(
      true,
    );
    const suites = readXml(run.stdout);
    expect(suites).toMatchObject({
      name: 'testsuites',
      attributes: { name: 'Posture', tests: '4', failures: '1', errors: '1', skipped: '1' },
    });
    expect(
      suites.children.map((suite) => [
        suite.attributes['name'],
        suite.children.map((testCase) => [
          testCase.attributes['name'],
          testCase.children[0]?.name ?? 'passed',
        ]),
      ]),
    ).toEqual([
      ['roles/db/tasks/main.yml', [['no findings', 'passed']]],
      ['roles/web/tasks/broken.yml', [['analysis', 'error']]],
      [
        'roles/web/tasks/main.yml',
        [
          ['test-tls-off at 5:5', 'failure'],
          ['test-todo-comment at 6:1', 'skipped'],
        ],
      ],
    ]);
    const failure = child(suites.children[2]?.children[0], 'failure');
    expect(failure?.attributes).toEqual({ message: 'certificate validation is off', type: 'high' });
    expect(failure?.text).toMatch(
      /^roles\/web\/tasks\/main\.yml:5:5 high test-tls-off\ncertificate validation is off\nfingerprint [0-9a-f]{64}:1$/,
    );
    expect(suites.children[2]?.children[0]?.attributes).toMatchObject({
      classname: 'roles/web/tasks/main.yml',
      file: 'roles/web/tasks/main.yml',
      line: '5',
    });
    expect(child(suites.children[2]?.children[1], 'skipped')?.attributes['message']).toBe(
      'low, below the fail threshold (high): unfinished work',
    );
  });

  it('stays well-formed whatever the messages and paths hold, and gives them back unchanged', () => {
    const nasty = 'a <b> & "c" \'d\'\ttab\r\nnewline ]]> \u0007bell \uD800lone';
    const report = scanReport({
      findings: [
        reportedFinding({ path: 'roles/<&">/main.yml', message: nasty, ruleId: 'r&d' }),
        reportedFinding({ status: 'waived', justification: nasty }),
      ],
      policyErrors: [{ source: '.security.yml', line: 3, key: 'rules.x', message: nasty }],
    });
    const document = readXml(formatJunit(report));
    const cases = document.children.flatMap((suite) => suite.children);
    const expected = nasty.replace('\u0007', '\uFFFD').replace('\uD800', '\uFFFD');
    const failure = cases.find(
      (testCase) => testCase.attributes['classname'] === 'roles/<&">/main.yml',
    )?.children[0];
    expect(failure?.attributes['message']).toBe(expected);
    expect(failure?.text).toContain(expected);
    expect(
      cases.find((testCase) => child(testCase, 'skipped'))?.children[0]?.attributes['message'],
    ).toBe(`waived: ${expected}`);
    expect(
      cases.find((testCase) => testCase.attributes['name'] === 'policy rules.x')?.children[0]
        ?.attributes,
    ).toEqual({ message: expected, type: 'invalid-policy' });
  });

  it('the reader it is checked with rejects what is not well-formed', () => {
    expect(() => readXml('<a>1 & 2</a>')).toThrow(/raw < or &/);
    expect(() => readXml('<a>1 < 2</a>')).toThrow();
    expect(() => readXml('<a b="x & y"/>')).toThrow(/raw < or &/);
    expect(() => readXml('<a><b></a></b>')).toThrow(/mismatched/);
    expect(() => readXml('<a>\u0001</a>')).toThrow(/character/);
    expect(readXml('<a b="1&#10;2&#9;3&quot;">x &amp; y</a>')).toEqual({
      name: 'a',
      attributes: { b: '1\n2\t3"' },
      children: [],
      text: 'x & y',
    });
  });
});
