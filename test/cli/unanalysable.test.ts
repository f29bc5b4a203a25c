import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { UNANALYSABLE_TRICKS } from '../engine/unanalysable-tricks.js';
import { runCaptured } from './support/run-captured.js';
import { CLEAN_TASKS, tempTree } from './support/temp-tree.js';

describe.each(UNANALYSABLE_TRICKS)('posture scan of $name', ({ file }) => {
  it('exits 1 and names the file, in text and in JSON', async () => {
    const root = await tempTree({
      [file.path]: file.content,
      'roles/ok/tasks/main.yml': CLEAN_TASKS,
    });
    const text = await runCaptured(['scan'], root);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain(`${file.path}\n`);
    expect(text.stdout).toContain('1 file could not be analysed, so the scan fails');
    const json = await runCaptured(['scan', '--format', 'json'], root);
    expect(json.exitCode).toBe(1);
    expect((JSON.parse(json.stdout) as JsonReport).errors.map((error) => error.path)).toEqual([
      file.path,
    ]);
  });

  it('exits 0 when told to warn, on the command line or in the policy', async () => {
    const bare = await tempTree({ [file.path]: file.content });
    expect((await runCaptured(['scan', '--on-unanalysable', 'warn'], bare)).exitCode).toBe(0);
    const warned = await tempTree({
      [file.path]: file.content,
      '.security.yml': 'on_unanalysable: warn\n',
    });
    expect((await runCaptured(['scan'], warned)).exitCode).toBe(0);
    expect((await runCaptured(['scan', '--on-unanalysable', 'fail'], warned)).exitCode).toBe(1);
  });
});

describe('posture scan and files it cannot read', () => {
  it('exits 1 for an unreadable file even when nothing else is found, and 0 with --on-unanalysable warn', async () => {
    const root = await tempTree({ 'roles/a/tasks/main.yml': CLEAN_TASKS });
    const readText = async (absolutePath: string): Promise<string> => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${absolutePath}'`), {
        code: 'EACCES',
      });
    };
    const failing = await runCaptured(['scan', '--format', 'json'], root, { readText });
    expect(failing.exitCode).toBe(1);
    expect((JSON.parse(failing.stdout) as JsonReport).errors).toEqual([
      { path: 'roles/a/tasks/main.yml', message: 'cannot read file: EACCES permission denied' },
    ]);
    expect(
      (await runCaptured(['scan', '--on-unanalysable', 'warn'], root, { readText })).exitCode,
    ).toBe(0);
  });

  it('does not count an oversized file the policy excludes', async () => {
    const padded = UNANALYSABLE_TRICKS.find((trick) => trick.kind === 'too-large');
    if (!padded) throw new Error('the tricks include a padded file');
    const root = await tempTree({
      [padded.file.path]: padded.file.content,
      '.security.yml': 'paths:\n  exclude: ["roles/**"]\n',
    });
    const run = await runCaptured(['scan', '--format', 'json'], root);
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).errors).toEqual([]);
  });
});
