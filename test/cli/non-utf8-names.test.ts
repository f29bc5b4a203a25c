/**
 * Node lists a file name that is not UTF-8 with U+FFFD in place of each bad byte. Looked up under
 * that name, the file alone "disappeared while scanning", but beside a file really named `�.yml`
 * the lookup finds that file instead, and the hostile one, which Ansible's vars plugin loads from
 * `group_vars/all/` whatever bytes its name holds, would go unread. It is reported as a file
 * Posture could not read, and the scan does not pass.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

describe.skipIf(process.platform !== 'linux')('a file name that is not UTF-8', () => {
  it('is not replaced by a file whose name decodes alike, and does not pass', async () => {
    const root = await tempTree({ 'group_vars/all/\uFFFD.yml': 'app_port: 8080\n' });
    // `group_vars/all/<0xFF>.yml`: a name only bytes can spell
    const hostile = Buffer.concat([
      Buffer.from(path.join(root, 'group_vars', 'all') + path.sep),
      Buffer.from([0xff]),
      Buffer.from('.yml'),
    ]);
    writeFileSync(hostile, 'db_password: hunter2hunter2\n');
    try {
      const run = await runCaptured(['scan', '--format', 'json'], root);
      expect(run.exitCode).toBe(1);
    } finally {
      // the temporary tree's clean-up lists names as UTF-8 too, and could not remove it
      unlinkSync(hostile);
    }
  });
});
