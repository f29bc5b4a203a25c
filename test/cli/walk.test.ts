import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/usage-error.js';
import { walk } from '../../src/cli/walk.js';
import { tempTree } from './support/temp-tree.js';

const acceptYaml = (displayPath: string) => /\.ya?ml$/.test(displayPath);

describe('walk', () => {
  it('lists matching files in code-unit order with forward-slash paths relative to cwd', async () => {
    const root = await tempTree({
      'b.yml': 'x: 1\n',
      'a/z.yaml': 'x: 1\n',
      'a/B.yml': 'x: 1\n',
      'a/notes.txt': 'not yaml\n',
      'C.yml': 'x: 1\n',
    });
    const { files, errors } = await walk(['.'], { cwd: root, accept: acceptYaml });
    expect(files.map((file) => file.path)).toEqual(['C.yml', 'a/B.yml', 'a/z.yaml', 'b.yml']);
    expect(files.every((file) => !file.explicit && file.sizeBytes === 5)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('skips .git and node_modules at any depth', async () => {
    const root = await tempTree({
      'site.yml': '- hosts: all\n',
      '.git/config.yml': 'x: 1\n',
      'node_modules/pkg/tasks.yml': 'x: 1\n',
      'roles/web/node_modules/x.yml': 'x: 1\n',
      'roles/web/.git/y.yml': 'x: 1\n',
      'roles/web/tasks/main.yml': 'x: 1\n',
    });
    const { files } = await walk(['.'], { cwd: root, accept: acceptYaml });
    expect(files.map((file) => file.path)).toEqual(['roles/web/tasks/main.yml', 'site.yml']);
  });

  it('does not follow symbolic links found while walking', async () => {
    const root = await tempTree({ 'real/tasks.yml': 'x: 1\n', 'project/main.yml': 'x: 1\n' });
    await symlink(path.join(root, 'real'), path.join(root, 'project', 'linked-dir'));
    await symlink(path.join(root, 'real', 'tasks.yml'), path.join(root, 'project', 'linked.yml'));
    await symlink(path.join(root, 'project'), path.join(root, 'project', 'loop'));
    const { files } = await walk(['project'], { cwd: root, accept: acceptYaml });
    expect(files.map((file) => file.path)).toEqual(['project/main.yml']);
  });

  it('paths outside cwd are relative with ..', async () => {
    const root = await tempTree({ 'repo/site.yml': '- hosts: all\n' });
    await mkdir(path.join(root, 'elsewhere'));
    const { files } = await walk([path.join(root, 'repo')], {
      cwd: path.join(root, 'elsewhere'),
      accept: acceptYaml,
    });
    expect(files.map((file) => file.path)).toEqual(['../repo/site.yml']);
  });

  it('always includes a file named on the command line and lists each file once', async () => {
    const root = await tempTree({ 'notes.txt': 'hello\n', 'site.yml': '- hosts: all\n' });
    const { files } = await walk(['notes.txt', 'site.yml', '.', './site.yml'], {
      cwd: root,
      accept: acceptYaml,
    });
    expect(files.map((file) => [file.path, file.explicit])).toEqual([
      ['notes.txt', true],
      ['site.yml', true],
    ]);
  });

  it('rejects a path that does not exist', async () => {
    const root = await tempTree({});
    await expect(walk(['missing'], { cwd: root, accept: acceptYaml })).rejects.toThrow(UsageError);
    await expect(walk(['missing'], { cwd: root, accept: acceptYaml })).rejects.toThrow(
      'path not found: missing',
    );
  });
});
