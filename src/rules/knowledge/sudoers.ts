/**
 * Resources that write sudoers rules, per language: where the commands are, which property
 * says "no password", and what it defaults to.
 */
import type { Language } from '../../model/model.js';
import { lookupTables } from '../../shared/lookup-table.js';

export interface SudoersResource {
  commands: string;
  nopassword: string;
  nopasswordByDefault: boolean;
  /** whether a rule that names no commands allows every command (Chef's `commands` is `['ALL']`) */
  allCommandsByDefault: boolean;
}

export const SUDOERS_RESOURCES: Partial<
  Record<Language, Readonly<Record<string, SudoersResource>>>
> = lookupTables({
  ansible: {
    sudoers: {
      commands: 'commands',
      nopassword: 'nopassword',
      nopasswordByDefault: true,
      allCommandsByDefault: false,
    },
  },
  puppet: {},
  chef: {
    sudo: {
      commands: 'commands',
      nopassword: 'nopasswd',
      nopasswordByDefault: false,
      allCommandsByDefault: true,
    },
  },
});
