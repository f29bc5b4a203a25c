import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { scan } from '../../src/cli/scan.js';
import { runCaptured } from './support/run-captured.js';
import { TEST_RULES } from './support/test-rules.js';
import { CLEAN_TASKS, INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';

const TASKS_WITH_TODO = `${INSECURE_DOWNLOAD}# TODO: pin the version\n`;

async function scanJson(cwd: string, ...args: string[]) {
  const run = await runCaptured(['scan', '--format', 'json', ...args], cwd, { rules: TEST_RULES });
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
}

/** A YAML task list of about `mebibytes` MiB. */
function bigTaskList(mebibytes: number): string {
  const task = '- name: print a message\n  debug:\n    msg: hello\n';
  return task.repeat(Math.ceil((mebibytes * 1024 * 1024) / task.length));
}

describe('posture scan', () => {
  it('reports findings with paths relative to cwd, in forward slashes', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': TASKS_WITH_TODO,
      'site.yml': CLEAN_TASKS,
    });
    const { exitCode, report, stderr } = await scanJson(root);
    expect(stderr).toBe('');
    expect(report.errors).toEqual([]);
    expect(report.findings).toEqual([
      {
        ruleId: 'test-tls-off',
        category: 'tls-verification-disabled',
        severity: 'high',
        path: 'roles/web/tasks/main.yml',
        line: 5,
        column: 5,
        endLine: 5,
        message: 'certificate validation is off',
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}:1$/) as unknown,
      },
      {
        ruleId: 'test-todo-comment',
        category: 'suspicious-comment',
        severity: 'low',
        path: 'roles/web/tasks/main.yml',
        line: 6,
        column: 1,
        endLine: 6,
        message: 'unfinished work',
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}:1$/) as unknown,
      },
    ]);
    expect(exitCode).toBe(1);
  });

  it('prints paths relative to the working directory when scanning a subfolder or a file', async () => {
    const root = await tempTree({ 'repo/roles/web/tasks/main.yml': INSECURE_DOWNLOAD });
    const fromRoot = await scanJson(root, 'repo');
    expect(fromRoot.report.findings.map((finding) => finding.path)).toEqual([
      'repo/roles/web/tasks/main.yml',
    ]);
    const fromInside = await scanJson(
      path.join(root, 'repo', 'roles'),
      path.join(root, 'repo', 'roles', 'web', 'tasks', 'main.yml'),
    );
    expect(fromInside.report.findings.map((finding) => finding.path)).toEqual([
      'web/tasks/main.yml',
    ]);
  });

  it('exits 1 only when a finding reaches --fail-on', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': TASKS_WITH_TODO,
      'roles/db/tasks/main.yml': '# TODO: later\n' + CLEAN_TASKS,
    });
    expect((await scanJson(root)).exitCode).toBe(1);
    expect((await scanJson(root, '--fail-on', 'critical')).exitCode).toBe(0);
    expect((await scanJson(root, 'roles/db')).exitCode).toBe(0);
    expect((await scanJson(root, 'roles/db', '--fail-on', 'low')).exitCode).toBe(1);
  });

  it('keeps JSON keys in the documented order', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
      'roles/web/tasks/broken.yml': 'a: [1\n',
    });
    const { stdout, report } = await scanJson(root);
    expect(Object.keys(report)).toEqual(['findings', 'errors', 'policies']);
    expect(Object.keys(report.findings[0] ?? {})).toEqual([
      'ruleId',
      'category',
      'severity',
      'path',
      'line',
      'column',
      'endLine',
      'message',
      'fingerprint',
    ]);
    expect(Object.keys(report.errors[0] ?? {})).toEqual(['path', 'message', 'line']);
    expect(stdout).toMatch(/^\{\n {2}"findings": \[\n {4}\{\n {6}"ruleId"/);
  });

  it('turns a broken YAML file into an error with a line and carries on', async () => {
    const root = await tempTree({
      'roles/web/tasks/broken.yml':
        '- name: x\n  get_url:\n    url: [http://example.com\n    dest: /tmp/a\n',
      'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
    });
    const { report, exitCode } = await scanJson(root);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.path).toBe('roles/web/tasks/broken.yml');
    expect(report.errors[0]?.message).toMatch(/^YAML: /);
    expect(report.errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(report.findings.map((finding) => finding.path)).toEqual(['roles/web/tasks/main.yml']);
    expect(exitCode).toBe(1);
  });

  it('reports a 5 MB Ansible file as an error without crashing', async () => {
    const root = await tempTree({
      'roles/web/tasks/huge.yml': bigTaskList(5),
      'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
    });
    const { report } = await scanJson(root);
    expect(report.errors).toEqual([
      {
        path: 'roles/web/tasks/huge.yml',
        message: 'file is 5.0 MiB; Posture analyses files up to 2 MiB',
      },
    ]);
    expect(report.findings).toHaveLength(1);
  });

  it('skips an oversized YAML file that is not Ansible unless --lang forces it', async () => {
    const root = await tempTree({ 'data/export.yml': 'rows:\n' + '  - id: 1\n'.repeat(400_000) });
    expect((await scanJson(root)).report.errors).toEqual([]);
    const forced = await scanJson(root, '--lang', 'ansible');
    expect(forced.report.errors).toEqual([
      { path: 'data/export.yml', message: 'file is 3.8 MiB; Posture analyses files up to 2 MiB' },
    ]);
  });

  it('turns an unreadable file into an error and carries on', async () => {
    const root = await tempTree({
      'roles/a/tasks/main.yml': INSECURE_DOWNLOAD,
      'roles/b/tasks/main.yml': INSECURE_DOWNLOAD,
    });
    const readText = async (absolutePath: string) => {
      if (absolutePath.includes(`${path.sep}a${path.sep}`)) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${absolutePath}'`), {
          code: 'EACCES',
        });
      }
      return readFile(absolutePath, 'utf8');
    };
    const run = await runCaptured(['scan', '--format', 'json'], root, {
      rules: TEST_RULES,
      readText,
    });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.errors).toEqual([
      { path: 'roles/a/tasks/main.yml', message: 'cannot read file: EACCES permission denied' },
    ]);
    expect(report.findings.map((finding) => finding.path)).toEqual(['roles/b/tasks/main.yml']);
    expect(run.exitCode).toBe(1);
  });

  it('reads only files with a configuration extension and the templates code deploys, and only the forced language with --lang', async () => {
    const root = await tempTree({
      'tasks/main.yml': CLEAN_TASKS,
      'manifests/init.pp': 'class x {}\n',
      'recipes/default.rb': "package 'nginx'\n",
      'templates/nginx.conf.j2': 'server {}\n',
      'README.md': '# readme\n',
    });
    const read: string[] = [];
    const readText = async (absolutePath: string) => {
      read.push(path.relative(root, absolutePath).split(path.sep).join('/'));
      return readFile(absolutePath, 'utf8');
    };
    await runCaptured(['scan', '--format', 'json'], root, { rules: TEST_RULES, readText });
    expect(read.sort()).toEqual([
      'manifests/init.pp',
      'recipes/default.rb',
      'tasks/main.yml',
      'templates/nginx.conf.j2',
    ]);
    read.length = 0;
    await runCaptured(['scan', '--format', 'json', '--lang', 'ansible'], root, {
      rules: TEST_RULES,
      readText,
    });
    expect(read).toEqual(['tasks/main.yml', 'templates/nginx.conf.j2']);
  });

  it('reads the files a language reads by name, whatever their extension', async () => {
    const root = await tempTree({
      hosts: '# TODO: move to inventories/\n[web]\nweb1\n',
      'inventory/ec2.ini': '[ec2]\nregions = all\n',
      'ansible.cfg': '[defaults]\n# TODO: turn host key checking back on\nforks = 20\n',
      Puppetfile: "mod 'puppetlabs/stdlib'\n",
      Berksfile: 'metadata\n',
      'data_bags/users/deploy.json': '{"id": "deploy"}\n',
      'tox.ini': '[tox]\n',
    });
    const read: string[] = [];
    const readText = async (absolutePath: string) => {
      read.push(path.relative(root, absolutePath).split(path.sep).join('/'));
      return readFile(absolutePath, 'utf8');
    };
    const run = await runCaptured(['scan', '--format', 'json'], root, {
      rules: TEST_RULES,
      readText,
    });
    expect(read.sort()).toEqual([
      'Berksfile',
      'Puppetfile',
      'ansible.cfg',
      'data_bags/users/deploy.json',
      'hosts',
      'inventory/ec2.ini',
    ]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.errors).toEqual([]);
    expect(report.findings.map((finding) => [finding.path, finding.line])).toEqual([
      ['ansible.cfg', 2],
      ['hosts', 1],
    ]);
    read.length = 0;
    await runCaptured(['scan', '--format', 'json', '--lang', 'puppet'], root, {
      rules: TEST_RULES,
      readText,
    });
    expect(read).toEqual(['Puppetfile']);
  });

  it('analyses YAML outside Ansible conventions only with --lang ansible', async () => {
    const root = await tempTree({
      'misc/setup.yml': '- name: x\n  vendor_download:\n    validate_certs: no\n',
    });
    expect((await scanJson(root)).report.findings).toEqual([]);
    const forced = await scanJson(root, '--lang', 'ansible');
    expect(forced.report.findings.map((finding) => [finding.path, finding.line])).toEqual([
      ['misc/setup.yml', 3],
    ]);
  });

  it('writes the report to --output instead of stdout', async () => {
    const root = await tempTree({ 'roles/web/tasks/main.yml': INSECURE_DOWNLOAD });
    const unwritable = await runCaptured(
      ['scan', '--format', 'sarif', '--output', 'no-such-dir/report.sarif'],
      root,
      { rules: TEST_RULES },
    );
    expect(unwritable).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'posture: cannot write no-such-dir/report.sarif: ENOENT no such file or directory\n',
    });
    const written = await runCaptured(['scan', '--format', 'sarif', '-o', 'report.sarif'], root, {
      rules: TEST_RULES,
    });
    expect(written).toEqual({ exitCode: 1, stdout: '', stderr: '' });
    const sarif = JSON.parse(await readFile(path.join(root, 'report.sarif'), 'utf8')) as {
      version: string;
    };
    expect(sarif.version).toBe('2.1.0');
  });

  it('prints a one-line message and exits 2 for a missing path or a bad flag', async () => {
    const root = await tempTree({});
    expect(await runCaptured(['scan', 'nowhere'], root)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'posture: path not found: nowhere\n',
    });
    expect(await runCaptured(['scan', '--colour'], root)).toMatchObject({
      exitCode: 2,
      stdout: '',
      stderr: "posture: unknown option '--colour'\n",
    });
  });

  it("reports the policy's expired waivers from a tree with nothing to read, and exits 0", async () => {
    const root = await tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.security.yml': [
        'waivers:',
        '  - rule: hard-coded-secret',
        '    path: group_vars/all.yml',
        '    reason: rotated by the vault job',
        '    approved_by: security',
        '    expires: 2020-01-01',
      ].join('\n'),
      'README.md': '# nothing Posture reads\n',
    });
    const run = await runCaptured(['scan', '--format', 'json'], root);
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.notices).toEqual([
      {
        path: '.security.yml',
        message:
          'the waiver for hard-coded-secret on group_vars/all.yml (approved by security) expired on 2020-01-01 and no longer applies',
      },
    ]);
  });

  it('colours text only on a terminal without NO_COLOR', async () => {
    const root = await tempTree({ 'roles/web/tasks/main.yml': INSECURE_DOWNLOAD });
    const ESC = '\u001b[';
    const plain = await runCaptured(['scan'], root, { rules: TEST_RULES });
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout).toContain('  5:5  high  test-tls-off  certificate validation is off');
    const coloured = await runCaptured(['scan'], root, { rules: TEST_RULES, stdoutIsTty: true });
    expect(coloured.stdout).toContain(ESC);
    const noColor = await runCaptured(['scan'], root, {
      rules: TEST_RULES,
      stdoutIsTty: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).toBe(plain.stdout);
  });
});

describe('posture rules, --help and --version', () => {
  it('lists the catalog it was given', async () => {
    const root = await tempTree({});
    const { stdout, exitCode } = await runCaptured(['rules'], root, { rules: TEST_RULES });
    expect(exitCode).toBe(0);
    expect(stdout).toBe(
      [
        'ID                 SEVERITY  CATEGORY                   TITLE',
        'test-tls-off       high      tls-verification-disabled  Test: certificate validation off',
        'test-todo-comment  low       suspicious-comment         Test: TODO comment',
        '2 rules',
        '',
      ].join('\n'),
    );
    const json = await runCaptured(['rules', '--format', 'json', '--lang', 'puppet'], root, {
      rules: TEST_RULES,
    });
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('prints help and the package version', async () => {
    const root = await tempTree({});
    const help = await runCaptured(['--help'], root);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('posture scan [PATH...]');
    const manifest = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(await runCaptured(['--version'], root)).toEqual({
      exitCode: 0,
      stdout: `${manifest.version}\n`,
      stderr: '',
    });
  });
});

describe('posture scan of several projects side by side', () => {
  const project = (name: string) => ({
    [`${name}/roles/web/defaults/main.yml`]: 'web_validate_certs: false\n',
    [`${name}/roles/web/tasks/main.yml`]:
      '- name: fetch\n  get_url:\n    url: https://example.org/x\n    dest: /tmp/x\n    validate_certs: "{{ web_validate_certs }}"\n',
  });

  it('finds in each project what a scan of that project alone finds', async () => {
    const root = await tempTree({
      ...project('one'),
      ...project('two'),
      'two/notes.yml': CLEAN_TASKS,
    });
    const together = await runCaptured(['scan', '--format', 'json'], root);
    const alone = await runCaptured(['scan', '--format', 'json', 'one'], root);
    const report = JSON.parse(together.stdout) as JsonReport;
    const oneAlone = JSON.parse(alone.stdout) as JsonReport;
    expect(oneAlone.findings.length).toBeGreaterThan(0);
    expect(report.findings.filter((finding) => finding.path.startsWith('one/'))).toEqual(
      oneAlone.findings,
    );
    expect(
      report.findings
        .filter((finding) => finding.path.startsWith('two/'))
        .map(({ path, line, ruleId }) => ({ path, line, ruleId })),
    ).toEqual(
      oneAlone.findings.map(({ path, line, ruleId }) => ({
        path: path.replace(/^one\//, 'two/'),
        line,
        ruleId,
      })),
    );
  });

  it('keeps the text of the files with findings only, letting each project go once analysed', async () => {
    const root = await tempTree({ ...project('one'), 'two/site.yml': CLEAN_TASKS });
    const outcome = await scan({ paths: ['.'], cwd: root });
    expect([...outcome.sources.keys()].sort()).toEqual([
      'one/roles/web/defaults/main.yml',
      'one/roles/web/tasks/main.yml',
    ]);
    expect(outcome.filesRead).toBe(3);
  });

  /** Two projects side by side; the play of one reads its vars file from the other. */
  const projectsSharingVars = {
    'infra/site/site.yml': [
      '- hosts: all',
      '  vars_files:',
      '    - ../common/vars.yml',
      '  tasks:',
      '    - name: fetch',
      '      get_url:',
      '        url: https://example.org/x',
      '        dest: /opt/x',
      '        validate_certs: "{{ check_certs }}"',
      '',
    ].join('\n'),
    'infra/common/vars.yml': 'check_certs: false\n',
  };
  const tlsFindings = async (cwd: string, ...paths: string[]) => {
    const run = await runCaptured(['scan', '--format', 'json', ...paths], cwd);
    const report = JSON.parse(run.stdout) as JsonReport;
    return report.findings.filter(({ ruleId }) => ruleId === 'tls-verification-disabled');
  };

  it('reads a project with the vars file its play names in another top folder', async () => {
    const root = await tempTree({
      ...projectsSharingVars,
      'infra/other/tasks/main.yml': CLEAN_TASKS,
    });
    const where = (findings: Awaited<ReturnType<typeof tlsFindings>>) =>
      findings.map(({ path, line }) => ({ path, line }));
    expect(where(await tlsFindings(path.join(root, 'infra')))).toEqual([
      { path: 'common/vars.yml', line: 1 },
    ]);
    expect(where(await tlsFindings(root, 'infra'))).toEqual([
      { path: 'infra/common/vars.yml', line: 1 },
    ]);
  });

  it('prints where a value lands from the working folder, as it prints the finding', async () => {
    const root = await tempTree(projectsSharingVars);
    const [finding] = await tlsFindings(path.join(root, 'infra', 'site'), '..');
    expect(finding?.path).toBe('../common/vars.yml');
    expect(finding?.landing?.path).toBe('site.yml');
  });
});
