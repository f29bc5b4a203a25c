/**
 * The CLI as `npm run build` ships it: one bundle that must load the WebAssembly grammars and
 * report exactly what the sources report, started from the code cache the build wrote.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/cli/package-version.js';
import { buildBundle, removeBundle } from '../support/build-bundle.js';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

const run = promisify(execFile);

/** One file for each reader that loads a grammar: bash, Ruby, ERB. */
const TREE = {
  'roles/web/tasks/main.yml': [
    '- name: install the agent',
    '  shell: curl -sSL http://get.example.com/install.sh | sh',
    '',
  ].join('\n'),
  'cookbooks/web/recipes/default.rb': [
    "remote_file '/tmp/tool.tgz' do",
    "  source 'http://downloads.example.com/tool.tgz'",
    'end',
    '',
    "template '/etc/ssh/sshd_config' do",
    "  source 'sshd_config.erb'",
    'end',
    '',
  ].join('\n'),
  'cookbooks/web/templates/default/sshd_config.erb':
    'PermitRootLogin <%= "yes" %>\nPermitEmptyPasswords yes\n',
  'manifests/site.pp': "file { '/etc/app.conf':\n  mode => '0777',\n}\n",
};

let outdir = '';

beforeAll(async () => {
  outdir = await buildBundle('cli');
}, 60_000);

afterAll(async () => {
  await removeBundle(outdir);
});

async function bundledCli(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [`${outdir}cli/main.js`, ...args], { cwd });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

/** The one file of the CLI folder whose name ends so. */
async function cliFile(ending: string): Promise<string> {
  const names = (await readdir(`${outdir}cli`)).filter((name) => name.endsWith(ending));
  expect(names).toHaveLength(1);
  return `${outdir}cli/${names[0]}`;
}

describe('the bundled CLI', () => {
  it('prints the package version', async () => {
    expect((await bundledCli(['--version'], process.cwd())).stdout.trim()).toBe(packageVersion());
  });

  it('reports exactly what the sources report, grammars included', async () => {
    const root = await tempTree(TREE);
    const bundled = await bundledCli(['scan', '.', '--format', 'json'], root);
    const fromSources = await runCaptured(['scan', '.', '--format', 'json'], root);
    expect(bundled.code).toBe(1);
    expect(bundled.stdout).toBe(fromSources.stdout);
    const rules = (
      JSON.parse(bundled.stdout) as { findings: Array<{ ruleId: string }> }
    ).findings.map((finding) => finding.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['pipe-to-shell', 'insecure-ssh-server']));
  });

  it('is ASCII, which the launcher reads as latin1', async () => {
    const program = await readFile(await cliFile('.cjs'));
    expect(program.every((byte) => byte < 0x80)).toBe(true);
  });

  it('starts from the code cache the build wrote, and keeps it', async () => {
    const cache = await cliFile('.v8cache');
    const before = await stat(cache);
    expect((await bundledCli(['scan', '.'], await tempTree({}))).code).toBe(0);
    expect((await bundledCli(['scan', '.'], await tempTree(TREE))).code).toBe(1);
    // A cache V8 rejected (compiled under other flags, say) is written again, as a new file.
    expect(await stat(cache)).toMatchObject({ ino: before.ino, mtimeMs: before.mtimeMs });
  });

  it('writes a missing cache in a run that analyses, before it changes V8 flags, so the next start takes it', async () => {
    const cache = await cliFile('.v8cache');
    await rm(cache);
    expect((await bundledCli(['scan', '.'], await tempTree(TREE))).code).toBe(1);
    const written = await stat(cache);
    expect((await bundledCli(['scan', '.'], await tempTree(TREE))).code).toBe(1);
    expect((await bundledCli(['scan', '.'], await tempTree({}))).code).toBe(0);
    expect(await stat(cache)).toMatchObject({ ino: written.ino, mtimeMs: written.mtimeMs });
  });
});
