/**
 * Tasks and resources that write a file, per language: which attributes name the file on the
 * host, and which attribute has the new file checked before it replaces the old one.
 */
import type { Language } from '../../model/model.js';
import { lookupTables } from '../../shared/lookup-table.js';

/**
 * Attributes naming the file a task or resource manages, in order of preference: Ansible's
 * `path` and its aliases, Puppet's `path` or the title, Chef's `path` or the name.
 */
export const PATH_ATTRIBUTES: Partial<Record<Language, readonly string[]>> = {
  ansible: ['path', 'dest', 'destfile', 'name'],
  puppet: ['path', 'title'],
  chef: ['path', 'name'],
};

export interface ValidatingWriter {
  /** attributes naming the file written, in order of preference */
  path: readonly string[];
  /** the attribute whose command checks the new file before it is put in place */
  validate: string;
  /** attributes of which one must be set for the resource to write content at all; any when absent */
  content?: readonly string[];
}

/**
 * Writers that can check the file they write: Ansible's `validate` (`%s` is the new file),
 * Puppet's `validate_cmd` (`%`), Chef's `verify` (`%{path}`, or a block).
 */
export const VALIDATING_WRITERS: Partial<
  Record<Language, Readonly<Record<string, ValidatingWriter>>>
> = lookupTables({
  ansible: {
    template: { path: ['dest'], validate: 'validate' },
    copy: { path: ['dest'], validate: 'validate' },
    assemble: { path: ['dest'], validate: 'validate' },
    lineinfile: { path: ['path', 'dest', 'destfile', 'name'], validate: 'validate' },
    blockinfile: { path: ['path', 'dest', 'destfile', 'name'], validate: 'validate' },
    replace: { path: ['path', 'dest', 'destfile', 'name'], validate: 'validate' },
  },
  puppet: {
    file: { path: ['path', 'title'], validate: 'validate_cmd', content: ['content', 'source'] },
    concat: { path: ['path', 'title'], validate: 'validate_cmd' },
  },
  chef: {
    template: { path: ['path', 'name'], validate: 'verify' },
    cookbook_file: { path: ['path', 'name'], validate: 'verify' },
    file: { path: ['path', 'name'], validate: 'verify', content: ['content'] },
  },
});

/** What each language writes to check a sudoers file or an sshd configuration before it lands. */
export const VALIDATION_EXAMPLES: Partial<
  Record<Language, Readonly<Record<'sudoers' | 'sshd', string>>>
> = {
  ansible: {
    sudoers: "validate: '/usr/sbin/visudo -cf %s'",
    sshd: "validate: '/usr/sbin/sshd -t -f %s'",
  },
  puppet: {
    sudoers: "validate_cmd => '/usr/sbin/visudo -cf %'",
    sshd: "validate_cmd => '/usr/sbin/sshd -t -f %'",
  },
  chef: {
    sudoers: "verify '/usr/sbin/visudo -cf %{path}'",
    sshd: "verify '/usr/sbin/sshd -t -f %{path}'",
  },
};

/** Resource types that always manage a directory. */
export const DIRECTORY_RESOURCES: Partial<Record<Language, readonly string[]>> = {
  ansible: [],
  puppet: [],
  chef: ['directory', 'remote_directory'],
};

/** The attribute saying what kind of thing a path is to be (`state: directory`, `ensure => link`). */
export const STATE_ATTRIBUTE: Partial<Record<Language, string>> = {
  ansible: 'state',
  puppet: 'ensure',
  chef: 'action',
};
