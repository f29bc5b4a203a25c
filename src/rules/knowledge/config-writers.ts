/**
 * Tasks and resources that write one setting of a configuration file, per language: a line
 * into a file (`lineinfile`, `file_line`), a key and its value (`sysctl`, Puppet's
 * `sshd_config` type from augeasproviders), a key of an INI file (`ini_file`, `ini_setting`);
 * those that write a file's content, or a block of it, from a string in the code (`copy` with
 * `content`, `blockinfile`, `file`); and those that edit it through Augeas.
 */
import type { ConfigFormat, Language } from '../../model/model.js';
import { lookupTables } from '../../shared/lookup-table.js';

export interface LineWriter {
  /** attributes naming the file, in order of preference */
  path: readonly string[];
  /** the attribute holding the line */
  line: string;
}

export interface KeyValueWriter {
  format: ConfigFormat;
  /** the attribute naming the key; the task's name or resource title when absent */
  key: readonly string[];
  value: string;
}

export const LINE_WRITERS: Partial<Record<Language, Readonly<Record<string, LineWriter>>>> =
  lookupTables({
    ansible: {
      lineinfile: { path: ['path', 'dest', 'destfile', 'name'], line: 'line' },
      replace: { path: ['path', 'dest', 'destfile', 'name'], line: 'replace' },
    },
    puppet: {
      file_line: { path: ['path'], line: 'line' },
    },
    chef: {
      append_if_no_line: { path: ['path'], line: 'line' },
      replace_or_add: { path: ['path'], line: 'line' },
      // Chef::Util::FileEdit's line edits, as the Chef parser gives them their file
      search_file_replace_line: { path: ['path'], line: 'line' },
      insert_line_if_no_match: { path: ['path'], line: 'line' },
      insert_line_after_match: { path: ['path'], line: 'line' },
    },
  });

export interface ContentWriter {
  /** attributes naming the file, in order of preference */
  path: readonly string[];
  /** the attribute holding the text written */
  content: string;
}

export const CONTENT_WRITERS: Partial<Record<Language, Readonly<Record<string, ContentWriter>>>> =
  lookupTables({
    ansible: {
      copy: { path: ['dest'], content: 'content' },
      blockinfile: { path: ['path', 'dest', 'destfile', 'name'], content: 'block' },
    },
    puppet: {
      file: { path: ['path', 'title'], content: 'content' },
      // puppetlabs-concat: a fragment of the file `target` names, joined in `order`
      'concat::fragment': { path: ['target'], content: 'content' },
    },
    chef: {
      file: { path: ['path', 'name'], content: 'content' },
    },
  });

export const KEY_VALUE_WRITERS: Partial<
  Record<Language, Readonly<Record<string, KeyValueWriter>>>
> = lookupTables({
  ansible: {
    sysctl: { format: 'sysctl', key: ['name', 'key'], value: 'value' },
    // community.postgresql: ALTER SYSTEM SET, which lands in postgresql.auto.conf
    postgresql_set: { format: 'postgresql', key: ['name'], value: 'value' },
  },
  puppet: {
    sysctl: { format: 'sysctl', key: ['name'], value: 'value' },
    'sysctl::value': { format: 'sysctl', key: ['key'], value: 'value' },
    sshd_config: { format: 'sshd', key: ['key', 'name'], value: 'value' },
    ssh_config: { format: 'ssh', key: ['key', 'name'], value: 'value' },
    // puppetlabs-postgresql: a line of postgresql.conf, named by its title
    'postgresql::server::config_entry': { format: 'postgresql', key: ['key'], value: 'value' },
    postgresql_conf: { format: 'postgresql', key: ['key'], value: 'value' },
  },
  chef: {
    sysctl: { format: 'sysctl', key: ['key'], value: 'value' },
    sysctl_param: { format: 'sysctl', key: ['key'], value: 'value' },
  },
});

/** A task or resource that sets one key of an INI file, in a section or before any. */
export interface IniWriter {
  /** attributes naming the file, in order of preference */
  path: readonly string[];
  section: string;
  key: string;
  value: string;
  /** the flag that writes the key bare, with no value (`skip-grant-tables`) when none is given */
  bareFlag?: string;
}

export const INI_WRITERS: Partial<Record<Language, Readonly<Record<string, IniWriter>>>> =
  lookupTables({
    ansible: {
      ini_file: {
        path: ['path', 'dest'],
        section: 'section',
        key: 'option',
        value: 'value',
        bareFlag: 'allow_no_value',
      },
    },
    puppet: {
      // puppetlabs-inifile
      ini_setting: { path: ['path'], section: 'section', key: 'setting', value: 'value' },
    },
  });

/**
 * Tasks and resources that set one named setting of a tool's configuration (git's, PostgreSQL's
 * server): the attributes that may hold the setting's name, in order (a resource's title last),
 * and the one with its value.
 */
export interface NamedSettingWriter {
  key: readonly string[];
  value: string;
}

export const NAMED_SETTING_WRITERS: Partial<
  Record<Language, Readonly<Record<string, NamedSettingWriter>>>
> = lookupTables({
  ansible: {
    git_config: { key: ['name'], value: 'value' },
    postgresql_set: { key: ['name'], value: 'value' },
  },
  // puppetlabs-git
  puppet: { 'git::config': { key: ['key', 'title'], value: 'value' } },
  chef: { git_config: { key: ['key', 'name'], value: 'value' } },
});

/**
 * Resources that edit a file through Augeas, per language: `set` commands in `changes`, under a
 * `context` or into the file `incl` loads (`src/rules/support/augeas-changes.ts`).
 */
export const AUGEAS_EDITORS: Partial<Record<Language, ReadonlySet<string>>> = {
  puppet: new Set(['augeas']),
};
