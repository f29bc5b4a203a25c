/** Temporary directory trees for CLI tests, removed after each test. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Creates `files` (relative path → content) under a fresh temporary directory and returns it. */
export async function tempTree(files: Readonly<Record<string, string | Buffer>>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'posture-cli-'));
  created.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, ...relative.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}

export const INSECURE_DOWNLOAD = [
  '- name: x',
  '  get_url:',
  '    url: http://example.com/a.tgz',
  '    dest: /tmp/a.tgz',
  '    validate_certs: no',
  '',
].join('\n');

export const CLEAN_TASKS = [
  '- name: install nginx',
  '  package:',
  '    name: nginx',
  '    state: present',
  '',
].join('\n');
