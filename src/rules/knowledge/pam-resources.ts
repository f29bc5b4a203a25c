/**
 * Resources that add or change one line of a PAM stack from their arguments, instead of writing
 * the file's text: which argument gives each column of the line the resource leaves.
 */
import type { Language } from '../../model/model.js';
import { lookupTables } from '../../shared/lookup-table.js';

export interface PamLineResource {
  /** the line's type (`auth`), control and module: the first of the names given */
  type: readonly string[];
  control: readonly string[];
  module: readonly string[];
  /** the module's arguments: a list, or one string of words */
  args: string;
  /** `state` (or `ensure`) values that take arguments or the line away */
  removing: ReadonlySet<string>;
}

/**
 * `community.general.pamd` (a line it updates takes `new_type`, `new_control` and
 * `new_module_path` when given; `before` and `after` insert a line of those; `args_present`
 * adds arguments) and augeasproviders_pam's `pam` type.
 */
export const PAM_LINE_RESOURCES: Readonly<
  Partial<Record<Language, Readonly<Record<string, PamLineResource>>>>
> = lookupTables({
  ansible: {
    pamd: {
      type: ['new_type', 'type'],
      control: ['new_control', 'control'],
      module: ['new_module_path', 'module_path'],
      args: 'module_arguments',
      removing: new Set(['absent', 'args_absent']),
    },
  },
  puppet: {
    pam: {
      type: ['type'],
      control: ['control'],
      module: ['module'],
      args: 'arguments',
      removing: new Set(['absent']),
    },
  },
});
