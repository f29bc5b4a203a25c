/**
 * The WebAssembly grammars a run loads before it parses: only those its files are read with.
 * Starting tree-sitter and loading Ruby's grammar cost a scan of one manifest more than the rest
 * of it.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { grammarNeeds } from '../../src/languages/parse-file.js';
import { mayNameCommandUnits } from '../../src/rules/support/commands.js';
import type { Language } from '../../src/model/model.js';

const needs = (...files: Array<[path: string, language: Language, content?: string]>) =>
  grammarNeeds(files.map(([path, language, content = '']) => ({ path, language, content })));

describe('the grammars a run needs', () => {
  it('are none for Ansible, whatever its templates, and for files no language reads', () => {
    expect(
      needs(
        ['roles/web/tasks/main.yml', 'ansible', '- shell: curl x | sh\n'],
        ['roles/web/templates/nginx.conf.j2', 'ansible'],
      ),
    ).toEqual({ grammars: new Set(), templates: false });
    expect(grammarNeeds([{ path: 'manifests/x.rb', content: '', language: undefined }])).toEqual({
      grammars: new Set(),
      templates: false,
    });
  });

  it("are none for Puppet manifests and Hiera data, and Ruby's for a Puppetfile", () => {
    const manifest = "class web { file { '/etc/web.conf': mode => '0644' } }\n";
    expect(
      needs(['manifests/init.pp', 'puppet', manifest], ['data/common.yaml', 'puppet']),
    ).toEqual({ grammars: new Set(), templates: false });
    expect(needs(['manifests/init.pp', 'puppet', manifest], ['Puppetfile', 'puppet'])).toEqual({
      grammars: new Set(['puppet']),
      templates: false,
    });
  });

  it("are the template grammar's for ERB and EPP files, and for a manifest's inline template", () => {
    expect(needs(['templates/web.conf.erb', 'puppet']).templates).toBe(true);
    expect(needs(['templates/web.conf.epp', 'puppet']).templates).toBe(true);
    expect(
      needs([
        'manifests/init.pp',
        'puppet',
        "file { '/etc/motd': content => inline_template('<%= @fqdn %>') }\n",
      ]).templates,
    ).toBe(true);
  });

  it("are Ruby's for cookbook Ruby, and none for the JSON of data bags and roles", () => {
    expect(needs(['cookbooks/web/recipes/default.rb', 'chef']).grammars).toEqual(new Set(['chef']));
    expect(
      needs(['data_bags/users/alice.json', 'chef'], ['roles/web.json', 'chef']).grammars,
    ).toEqual(new Set());
  });
});

describe('the hint that a file runs commands, which loads the shell grammar before parsing', () => {
  it('is the name of a task or resource type that runs them, in the text', () => {
    expect(mayNameCommandUnits('- ansible.builtin.shell: make\n', 'ansible')).toBe(true);
    expect(mayNameCommandUnits('- apt:\n    name: nginx\n', 'ansible')).toBe(false);
    expect(mayNameCommandUnits("exec { 'make': path => '/usr/bin' }\n", 'puppet')).toBe(true);
    expect(mayNameCommandUnits("package { 'nginx': }\n", 'puppet')).toBe(false);
  });
});

describe('a run that needs a grammar', () => {
  it("loads Ruby's for a Puppetfile beside manifests that need none", async () => {
    const result = await analyze([
      { path: 'manifests/init.pp', content: "class web { package { 'nginx': } }\n" },
      { path: 'Puppetfile', content: "mod 'puppetlabs/stdlib'\n" },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((finding) => `${finding.path}:${finding.ruleId}`)).toEqual([
      'Puppetfile:unpinned-module-dependency',
    ]);
  });
});
