import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText } from '../../src/cli/read-text.js';

describe('readText', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'posture-read-text-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads a file as UTF-8 text', async () => {
    const file = path.join(folder, 'main.yml');
    await writeFile(file, '- name: café\n  command: id\n');
    await expect(readText(file)).resolves.toBe('- name: café\n  command: id\n');
  });

  it('rejects with the system error when the file has gone', async () => {
    await expect(readText(path.join(folder, 'gone.yml'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('rejects with the system error when the path is a directory', async () => {
    await expect(readText(folder)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
