/**
 * The WebAssembly grammars a run loads before it parses: only those its files are read with.
 * Starting tree-sitter and loading Ruby's grammar cost a scan of one manifest more than the rest
 * of it.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { grammarNeeds } from '../../src/languages/parse-file.js';
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
