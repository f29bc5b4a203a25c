/** Git repositories for CLI tests: a temporary tree, committed, then changed on disk. */
import { execFile } from 'node:child_process';
import { tempTree } from './temp-tree.js';

export function git(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [
        '-c',
        'user.name=Posture Test',
        '-c',
        'user.email=test@example.com',
        '-c',
        'commit.gpgsign=false',
        '-c',
        'init.defaultBranch=main',
        ...args,
      ],
      { cwd },
      (error, stdout, stderr) =>
        error ? reject(new Error(`git ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    );
  });
}

/** A repository whose one commit holds `files`. */
export async function committedTree(files: Readonly<Record<string, string>>): Promise<string> {
  const root = await tempTree(files);
  await git(root, 'init', '--quiet');
  await git(root, 'add', '--all');
  await git(root, 'commit', '--quiet', '--message', 'base');
  return root;
}
