/**
 * Exit codes as the README documents them: 0 clean, 1 a finding or an unanalysable file, 2 the
 * command could not be carried out as asked.
 */
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from './support/run-captured.js';
import { CLEAN_TASKS, INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';
import { TEST_RULES } from './support/test-rules.js';

const run = (cwd: string, ...argv: string[]) => runCaptured(argv, cwd, { rules: TEST_RULES });

describe('posture scan exit codes', () => {
  it('exits 2 for a named file Posture does not recognise, says why and how to force the language, and still reports the rest', async () => {
    const root = await tempTree({
      'misc/setup.yml': '- name: x\n  vendor_download:\n    validate_certs: no\n',
      'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
    });
    const scanned = await run(
      root,
      'scan',
      '--format',
      'json',
      'misc/setup.yml',
      'roles/web/tasks/main.yml',
    );
    expect(scanned.exitCode).toBe(2);
    expect(
      (JSON.parse(scanned.stdout) as JsonReport).findings.map((finding) => finding.path),
    ).toEqual(['roles/web/tasks/main.yml']);
    expect(scanned.stderr).toMatch(
      /^posture: misc\/setup\.yml was not analysed: .+; pass --lang ansible to analyse it as ansible anyway, or list it under paths\.languages\.ansible in \.security\.yml\n$/,
    );
    const forced = await run(
      root,
      'scan',
      '--format',
      'json',
      '--lang',
      'ansible',
      'misc/setup.yml',
    );
    expect(forced).toMatchObject({ exitCode: 1, stderr: '' });
  });

  it('names files it reads no language of at all', async () => {
    const root = await tempTree({ 'notes.txt': 'hello\n' });
    const scanned = await run(root, 'scan', 'notes.txt');
    expect(scanned.exitCode).toBe(2);
    expect(scanned.stderr).toBe(
      'posture: notes.txt was not analysed: not a YAML (.yml, .yaml), Puppet (.pp) or Ruby (.rb) file, nor one read by its name (INI inventory, group_vars or host_vars file, ansible.cfg, Puppetfile, Berksfile, data bag item, Chef role, environment or node)\n',
    );
  });

  it('skips unrecognised named files quietly with --ignore-unrecognised, for hooks that pass every changed file', async () => {
    const root = await tempTree({
      '.github/workflows/ci.yml': 'on: push\n',
      'roles/web/tasks/main.yml': CLEAN_TASKS,
    });
    const scanned = await run(
      root,
      'scan',
      '--ignore-unrecognised',
      '.github/workflows/ci.yml',
      'roles/web/tasks/main.yml',
    );
    expect(scanned).toMatchObject({ exitCode: 0, stderr: '' });
  });

  it('does not count a named file the policy excludes as unrecognised', async () => {
    const root = await tempTree({
      'roles/legacy/tasks/main.yml': INSECURE_DOWNLOAD,
      '.security.yml': 'paths:\n  exclude: ["roles/legacy/**"]\n',
    });
    expect(await run(root, 'scan', 'roles/legacy/tasks/main.yml')).toMatchObject({
      exitCode: 0,
      stderr: '',
    });
  });

  it('accepts --fail-on none: findings are reported, and only unanalysable files fail', async () => {
    const root = await tempTree({ 'roles/web/tasks/main.yml': INSECURE_DOWNLOAD });
    const scanned = await run(root, 'scan', '--fail-on', 'none');
    expect(scanned.exitCode).toBe(0);
    expect(scanned.stdout).toContain('test-tls-off');
    const broken = await tempTree({ 'roles/web/tasks/main.yml': 'a: [1\n' });
    expect((await run(broken, 'scan', '--fail-on', 'none')).exitCode).toBe(1);
  });

  it('exits 1 for a YAML syntax error alone, and 0 with --on-unanalysable warn', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': '- name: x\n  get_url:\n    url: [http://example.com\n',
    });
    const failing = await run(root, 'scan', '--format', 'json');
    expect(failing.exitCode).toBe(1);
    expect((JSON.parse(failing.stdout) as JsonReport).findings).toEqual([]);
    expect((await run(root, 'scan', '--on-unanalysable', 'warn')).exitCode).toBe(0);
  });

  it('exits 2 for a policy it cannot read, naming it as given', async () => {
    const root = await tempTree({ 'roles/web/tasks/main.yml': CLEAN_TASKS });
    expect(await run(root, 'scan', '-c', 'missing.yml')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'posture: cannot read policy missing.yml: ENOENT no such file or directory\n',
    });
  });
});
