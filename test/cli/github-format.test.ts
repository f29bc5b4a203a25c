import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { runCaptured } from './support/run-captured.js';
import { reportedFinding, scanReport } from './support/scan-report.js';
import { INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';
import { TEST_RULES } from './support/test-rules.js';

/** What the Actions runner reads back from a command line: the reverse of the toolkit's escaping. */
function unescape(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/** `::level k=v,k=v::message` → its parts, as the runner splits them. */
function parseCommand(line: string): {
  level: string;
  properties: Record<string, string>;
  message: string;
} {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties = Object.fromEntries(
    (match[2] ?? '').split(',').map((pair) => {
      const [key = '', value = ''] = pair.split('=');
      return [key, unescape(value)];
    }),
  );
  return { level: match[1] ?? '', properties, message: unescape(match[3] ?? '') };
}

describe('--format github', () => {
  it('writes one annotation per open finding, errors for what fails the scan, with paths from the repository root', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': `${INSECURE_DOWNLOAD}# TODO: pin it\n`,
      'roles/web/tasks/broken.yml': 'a: [1\n',
    });
    const run = await runCaptured(['scan', '-f', 'github'], root, { rules: TEST_RULES });
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const commands = lines.filter((line) => line.startsWith('::')).map(parseCommand);
    expect(commands).toEqual([
      {
        level: 'error',
        properties: {
          file: 'roles/web/tasks/broken.yml',
          line: expect.any(String) as unknown,
          title: 'Posture could not analyse this file (syntax)',
        },
        message: expect.stringMatching(/^YAML: /) as unknown,
      },
      {
        level: 'error',
        properties: {
          file: 'roles/web/tasks/main.yml',
          line: '5',
          endLine: '5',
          col: '5',
          endColumn: '19',
          title: 'test-tls-off (high)',
        },
        message: 'certificate validation is off',
      },
      {
        level: 'warning',
        properties: {
          file: 'roles/web/tasks/main.yml',
          line: '6',
          endLine: '6',
          col: '1',
          endColumn: '15',
          title: 'test-todo-comment (low)',
        },
        message: 'unfinished work',
      },
    ]);
    expect(lines.at(-1)).toBe(
      "Policy: Posture's defaults (no .security.yml between the scanned paths and the repository root)",
    );
    await mkdir(path.join(root, '.git'));
    const inside = await runCaptured(
      ['scan', '-f', 'github', '.'],
      path.join(root, 'roles', 'web'),
      { rules: TEST_RULES },
    );
    expect(
      inside.stdout
        .split('\n')
        .filter((line) => line.startsWith('::'))
        .map((line) => parseCommand(line).properties['file']),
    ).toEqual([
      'roles/web/tasks/broken.yml',
      'roles/web/tasks/main.yml',
      'roles/web/tasks/main.yml',
    ]);
  });

  it('escapes what would end a property or the command, so text cannot forge annotations', () => {
    const nasty = 'line one\r\nline two, with: colons and 100% %0A literal\n::error file=x::forged';
    const report = scanReport({
      findings: [reportedFinding({ path: 'roles/a,b:c/100%.yml', message: nasty, ruleId: 'r,1' })],
      failOn: 'none',
    });
    const lines = formatGithub(report).split('\n');
    const commands = lines.filter((line) => line.startsWith('::'));
    expect(commands).toHaveLength(1);
    const parsed = parseCommand(commands[0] ?? '');
    expect(parsed).toEqual({
      level: 'warning',
      properties: {
        file: 'roles/a,b:c/100%.yml',
        line: '5',
        endLine: '5',
        col: '5',
        endColumn: '19',
        title: 'r,1 (high)',
      },
      message: nasty,
    });
  });

  it('leaves out accepted findings and those in test code, and puts the most severe first', () => {
    const report = scanReport({
      findings: [
        reportedFinding({ severity: 'low', ruleId: 'low-one' }),
        reportedFinding({ status: 'waived', ruleId: 'waived-one' }),
        reportedFinding({ status: 'baselined', ruleId: 'baselined-one' }),
        reportedFinding({ context: 'test', severity: 'low', ruleId: 'test-one' }),
        reportedFinding({ severity: 'critical', ruleId: 'critical-one' }),
      ],
    });
    const titles = formatGithub(report)
      .split('\n')
      .filter((line) => line.startsWith('::'))
      .map((line) => parseCommand(line).properties['title']);
    expect(titles).toEqual(['critical-one (critical)', 'low-one (low)']);
  });

  it('escapes as the Actions toolkit does', () => {
    expect(escapeData('50%\r\n: ,')).toBe('50%25%0D%0A: ,');
    expect(escapeProperty('50%\r\n: ,')).toBe('50%25%0D%0A%3A %2C');
  });
});
