import { beforeAll, describe, expect, it } from 'vitest';
import { deployedConfigFormat, formatByDestination } from '../../../src/parsers/config/formats.js';
import { initParsers } from '../../../src/languages/parse-file.js';
import { directiveSummary, parsedConfig as parsed } from './support.js';

beforeAll(async () => {
  await initParsers();
});

describe('the file systems table', () => {
  it('is read where it is deployed and by its name', () => {
    expect(formatByDestination('/etc/fstab')?.format).toBe('fstab');
    expect(deployedConfigFormat('roles/base/templates/fstab.j2')?.format).toBe('fstab');
    expect(deployedConfigFormat('modules/base/files/fstab')?.format).toBe('fstab');
    expect(formatByDestination('/etc/fstab.d/backup')).toBeUndefined();
  });

  it('names each line by its mount point and gives the options column as its value', () => {
    const model = parsed(
      'roles/base/templates/fstab.j2',
      [
        '# <file system> <mount point> <type> <options> <dump> <pass>',
        'UUID={{ root_uuid }}  /      ext4   errors=remount-ro  0 1',
        'tmpfs  /tmp  tmpfs  {{ tmp_options }}  0 0',
        'tmpfs  /dev/shm  tmpfs',
        '/dev/sdb1',
      ].join('\n'),
      'ansible',
    );
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '2:37 /=errors=remount-ro',
      '3:21 /tmp={{ tmp_options }} (dynamic)',
      '4:23 /dev/shm=',
    ]);
  });
});
