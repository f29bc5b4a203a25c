import { beforeAll, describe, expect, it } from 'vitest';
import { explainRecognition, mayBeAnalysed } from '../../../src/engine/detect-language.js';
import {
  configFormatOf,
  deployedConfigFormat,
  formatByDestination,
  toolConfigFormat,
} from '../../../src/parsers/config/formats.js';
import { initParsers, parseFile } from '../../../src/languages/parse-file.js';

beforeAll(async () => {
  await initParsers();
});

describe('ansible.cfg', () => {
  it('is read wherever the repository keeps it, as Ansible', () => {
    for (const path of [
      'ansible.cfg',
      'deploy/ansible.cfg',
      '.ansible.cfg',
      'positive.ansible.cfg',
    ]) {
      expect(toolConfigFormat(path)?.format, path).toBe('ansible-cfg');
      expect(explainRecognition(path, '[defaults]\n').language, path).toBe('ansible');
      expect(mayBeAnalysed(path), path).toBe(true);
    }
    expect(explainRecognition('ansible.cfg', '').reason).toBe(
      'ansible.cfg, the settings of Ansible itself',
    );
    for (const path of ['ansible.cfg.example', 'haproxy.cfg', 'setup.cfg', 'myansible.cfg'])
      expect(toolConfigFormat(path), path).toBeUndefined();
  });

  it('is deployed configuration when a role renders it for a host', () => {
    expect(toolConfigFormat('roles/awx/templates/ansible.cfg.j2')).toBeUndefined();
    expect(deployedConfigFormat('roles/awx/templates/ansible.cfg.j2')?.format).toBe('ansible-cfg');
    expect(configFormatOf('roles/awx/templates/ansible.cfg.j2')?.format).toBe('ansible-cfg');
    expect(explainRecognition('roles/awx/templates/ansible.cfg.j2', '').reason).toBe(
      'ansible.cfg deployed by Ansible code',
    );
    expect(formatByDestination('/etc/ansible/ansible.cfg')?.format).toBe('ansible-cfg');
    expect(formatByDestination('/home/deploy/.ansible.cfg')?.format).toBe('ansible-cfg');
  });

  it('is read as INI: sections, settings with exact ranges, comments', () => {
    const outcome = parseFile(
      'ansible.cfg',
      [
        '# config file for ansible',
        '[defaults]',
        'inventory      = hosts',
        '; a comment line',
        'host_key_checking = False',
        '',
        '[ssh_connection]',
        'ssh_args = -o ControlMaster=auto -o UserKnownHostsFile=/dev/null',
        'pipelining=True # faster',
      ].join('\n'),
      'ansible',
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { model } = outcome;
    expect(model).toMatchObject({ language: 'ansible', kind: 'config' });
    expect(model.config).toMatchObject({
      format: 'ansible-cfg',
      recognisedBy: 'by its name ansible.cfg',
      template: false,
    });
    expect(
      model.config?.directives.map(
        (directive) =>
          `${directive.range.line}:${directive.value.range.column}-${directive.value.range.endColumn} [${directive.section}] ${directive.name}=${directive.value.text}`,
      ),
    ).toEqual([
      '3:18-23 [defaults] inventory=hosts',
      '5:21-26 [defaults] host_key_checking=False',
      '8:12-65 [ssh_connection] ssh_args=-o ControlMaster=auto -o UserKnownHostsFile=/dev/null',
      '9:12-16 [ssh_connection] pipelining=True',
    ]);
    // Unlike a deployed file's, its comments are the repository's own: suppressions work there.
    expect(
      model.comments.map(
        (comment) => `${comment.range.line}:${comment.range.column} ${comment.text}`,
      ),
    ).toEqual(['1:1 config file for ansible', '4:1 a comment line', '9:17 faster']);
  });
});
