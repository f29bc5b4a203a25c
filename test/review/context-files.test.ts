import { describe, expect, it } from 'vitest';
import { needsContext } from '../../src/review/context-files.js';
import type { ChangedFiles } from '../../src/review/pr-files.js';

function change(...files: Array<{ path: string; patch?: string }>): ChangedFiles {
  return {
    mergeBaseSha: 'a'.repeat(40),
    files: files.map((file) => ({ ...file, headBlobSha: 'b'.repeat(40) })),
    listed: files.map((file) => ({ path: file.path })),
    possibleLinks: [],
    byPolicyOnly: [],
    truncated: false,
  };
}

describe('whether a review reads files beyond the diff', () => {
  it('does for a template, even one whose language only the layout around it shows', () => {
    // `templates/` at the root of a Puppet module repository: ERB is Chef's or Puppet's.
    expect(needsContext(change({ path: 'templates/sshd_config.erb', patch: '+Port 22' }))).toBe(
      true,
    );
  });

  it('does for a changed line that reads a variable, and not for a literal one', () => {
    expect(
      needsContext(
        change({ path: 'manifests/server.pp', patch: "+  String $permit_root_login = 'yes'," }),
      ),
    ).toBe(true);
    expect(
      needsContext(change({ path: 'manifests/server.pp', patch: "+  ensure => 'present'," })),
    ).toBe(false);
  });

  it("does for YAML outside any role, which a play's vars_files may name, and not for a role's task", () => {
    expect(needsContext(change({ path: 'env/prod.yml', patch: '+ssh_port: 22' }))).toBe(true);
    expect(
      needsContext(change({ path: 'roles/web/tasks/main.yml', patch: '+    state: present' })),
    ).toBe(false);
  });

  it('does not for files Posture does not read', () => {
    expect(needsContext(change({ path: 'README.md', patch: '+{{ x }}' }))).toBe(false);
  });
});
