/**
 * A place where a variable gets its value, as the rules see it through `resolve`: a role
 * default, a group variable, a Hiera key, a class parameter's default, a node attribute.
 */
import type { SourceRange, Value } from './model.js';

export type DefinitionOrigin =
  /** Ansible: `vars:` of a task, of a play, `vars/` and `defaults/` of a role, inventories */
  | 'task-vars'
  | 'play-vars'
  | 'role-params'
  | 'set-fact'
  | 'role-vars'
  | 'role-defaults'
  | 'host-vars'
  | 'group-vars'
  | 'inventory'
  | 'vars-file'
  /** Ansible: a template's own `{% set x = ... %}` */
  | 'template-set'
  /** Puppet: Hiera data, a parameter's default, `$x = ...`, `class { 'x': param => ... }` */
  | 'hiera'
  | 'class-declaration'
  /** Puppet: a parameter an `epp()` call passes its template */
  | 'epp-parameter'
  | 'parameter-default'
  | 'local-variable'
  /** Chef: a node attribute, a custom resource property's default, a Ruby local */
  | 'node-attribute'
  /** Chef: a value a `template` resource's `variables(...)` gives its template */
  | 'template-variable';

export interface VariableDefinition {
  /**
   * The name references use, per language: `selinux_state` and `nginx.port` (Ansible),
   * `profile::selinux::mode` and `mode` (Puppet), `node.app.port` and `new_resource.bind` (Chef).
   */
  name: string;
  value: Value;
  /** the file that sets it */
  path: string;
  /** where its key is written in that file */
  range: SourceRange;
  origin: DefinitionOrigin;
  /** the variables that led here, when the value was reached through others (`a: "{{ b }}"`) */
  via?: readonly string[];
}
