/**
 * The language-neutral model every parser produces and every rule reads.
 *
 * One file becomes one `FileModel`: the units it declares (Ansible tasks, Puppet resources,
 * Chef resources), the variables it assigns (vars files, play vars, class parameters, node
 * attributes, Hiera keys), its comments and its conditional branches, each with the exact
 * source range it came from. Values are typed, so that a rule can tell a literal
 * (`"S3cret"`) from a template (`"{{ vault_pw }}"`), a lookup, a function call or an
 * encrypted blob (`!vault`).
 */

/** The languages Posture reads; each has its descriptor in `src/languages/`. */
export const LANGUAGES = ['ansible', 'puppet', 'chef'] as const;
export type Language = (typeof LANGUAGES)[number];

/** 1-based lines and columns; `endColumn` is exclusive. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type ValueKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | 'list'
  | 'map'
  /** ciphertext the author meant to be secret: `!vault`, hiera-eyaml `ENC[...]`, encrypted data bags */
  | 'encrypted'
  /** a reference to a variable (`$x`, `node['a']`, `@x`) */
  | 'reference'
  /** a function or method call (`lookup(...)`, `Sensitive(...)`, `data_bag_item(...)`) */
  | 'call'
  /** any other expression the parser understood but that has no literal value */
  | 'expression';

export interface Value {
  kind: ValueKind;
  /** the scalar as the language reads it; for strings the decoded text */
  value?: string | number | boolean | null;
  /** the exact source text of the value */
  text: string;
  /** true when the value is computed at run time: a template, interpolation, reference or call */
  dynamic: boolean;
  /** YAML tag (`!vault`, `!unsafe`) or similar marker */
  tag?: string;
  /** list items */
  items?: Value[];
  /** map entries */
  entries?: Attribute[];
  /** callee for `call` values, variable name for `reference` values */
  name?: string;
  range: SourceRange;
}

export interface Attribute {
  name: string;
  value: Value;
  /** range of the key */
  range: SourceRange;
}

/**
 * `call` is a method call in Ruby code that is not a resource (`line.gsub!(...)`,
 * `shell_out!("...")`): its string arguments are attributes named `argument`. `dependency` is a
 * module or cookbook the repository pulls in, or the place it pulls them from (`mod` and `forge`
 * in a Puppetfile, `cookbook` and `source` in a Berksfile).
 */
export type UnitKind = 'task' | 'handler' | 'resource' | 'play' | 'block' | 'call' | 'dependency';

/** An atomic unit: one task or resource, with its type and its attributes. */
export interface Unit {
  kind: UnitKind;
  /** module or resource type, normalised to its short name (`get_url`, `file`, `package`) */
  type: string;
  /** the type as written (`ansible.builtin.get_url`) */
  typeAsWritten: string;
  /** where the type is written: the module key, the resource type */
  typeRange: SourceRange;
  /** the task's `name:` or the resource title */
  name?: string;
  /** the module arguments / resource properties */
  attributes: Attribute[];
  /** task-level keywords (`become`, `loop`, `when`, `environment`, `args` already merged) */
  keywords: Attribute[];
  range: SourceRange;
  /** the Puppet class or defined type the unit is declared in, whose parameters it reads as `$name` */
  within?: string;
  /** for a play: the roles it applies, by name */
  roles?: string[];
  /** for a play: where each role it lists is named (the `roles:` entry), in the order of `roles` */
  roleRanges?: SourceRange[];
  /** for a play: the templates its own tasks render, by path in the run */
  renders?: string[];
  /**
   * For a resource inside conditions that each test one variable (Puppet's `if $manage_root`,
   * `unless $x`, their `else`) or pick nodes by their facts (`if $facts['os']['family'] ==
   * 'Debian'`, which add no guard): what each flag's test must answer for it to be declared.
   * Absent under any other condition, which `FileModel.conditions` still records.
   */
  guards?: readonly FlagGuard[];
  /**
   * For a resource inside a condition that holds in several ways (Puppet's `if $lab or
   * $legacy`): each way's guards, as `guards` would give one; `guards` is then absent.
   */
  guardWays?: FlagWays;
}

export type VariableScope =
  | 'vars-file'
  | 'play'
  | 'task'
  | 'inventory'
  | 'parameter'
  | 'attribute'
  | 'hiera'
  | 'data'
  /** set by a template for its own lines: Jinja2's `{% set x = ... %}` */
  | 'template';

export interface Variable {
  /** last key of the path (`password` for `mysql.root.password`) */
  name: string;
  /** full key path from the top of the assignment */
  path: string[];
  value: Value;
  scope: VariableScope;
  range: SourceRange;
  /**
   * For parameters: what they are parameters of, as references name it from outside (the Puppet
   * class or defined type `profile::selinux`, the Chef custom resource's `new_resource`). For a
   * variable a Puppet class assigns in its body: that class.
   */
  owner?: string;
  /**
   * Assigned inside a method definition (a Ruby `def`): a working value of the code, such as
   * the default a parser fills in, rather than a setting of what gets deployed.
   */
  inMethod?: boolean;
  /**
   * For a Chef node attribute: its precedence as Chef ranks the levels (0 `default`,
   * 1 `force_default`, 2 `normal`, 3 `override`, 4 `force_override`); a higher one wins
   * whichever cookbook sets it.
   */
  precedence?: number;
  /** For a value given where units are applied (see `Application`): where it goes. */
  appliesTo?: Application;
}

/**
 * Values given to units where the code applies them: an Ansible play's `vars:` reach the roles
 * it applies; a role entry's parameters and the `vars:` of an `include_role` task reach that
 * role as its parameters, which bind more strongly.
 */
export interface Application {
  /** the units, by name as written (`ssh`, `kubernetes/node`) */
  units: readonly string[];
  /**
   * Files it gives the values to, by path in the run: the task file an `include_tasks` with
   * `vars:` runs, the template a task, resource or `epp()` call renders with the values
   */
  files?: readonly string[];
  asParameters: boolean;
  /**
   * The line of what applies them (the play, or an `include_role` task outside a play): values
   * given on one line apply together, and values given elsewhere apply in other runs.
   */
  line: number;
}

export interface Comment {
  /** the comment's text without the comment marker */
  text: string;
  range: SourceRange;
}

/** A conditional statement; rules use it for `case` without a default branch. */
export interface Condition {
  kind: 'case' | 'selector' | 'if';
  hasDefault: boolean;
  /** its branches cover every value the tested expression can take (`true` and `false`) */
  exhaustive?: boolean;
  range: SourceRange;
}

export type FileKind =
  | 'playbook'
  | 'tasks'
  | 'vars'
  | 'inventory'
  | 'data'
  | 'manifest'
  | 'recipe'
  | 'attributes'
  /** a daemon's configuration as a role, module or cookbook deploys it: a template or a plain file */
  | 'config';

/** The daemons and files whose settings Posture reads (`src/parsers/config/formats.ts`). */
export type ConfigFormat =
  | 'sshd'
  | 'ssh'
  | 'sysctl'
  | 'sudoers'
  | 'fstab'
  | 'nginx'
  | 'apache'
  | 'haproxy'
  | 'postfix'
  | 'mysql'
  | 'postgresql'
  | 'pg-hba'
  | 'redis'
  | 'mongodb'
  | 'compose'
  | 'ansible-cfg'
  | 'pam'
  | 'login-defs'
  | 'auditd'
  | 'rsyslog'
  | 'journal-upload'
  | 'grub'
  | 'sysconfig-init'
  | 'apt-conf';

/**
 * One setting of a configuration file as it lands on the host: `PermitRootLogin yes`,
 * `net.ipv4.ip_forward = 1`, a sudoers rule. In a template, each expression of the template
 * language is written as the deploying language's interpolation (`{{ x }}`, `${x}`, `#{x}`),
 * so that rules follow it to where the variable is set like any other value.
 */
export interface Directive {
  /** as written: `PermitRootLogin`, `net.ipv4.ip_forward`; a sudoers line's first word */
  name: string;
  /** what follows the name (a sudoers line: the whole line) */
  value: Value;
  /** the block it is in: `Match User backup` */
  section?: string;
  /** inside a template's condition: whether it is rendered depends on the condition */
  conditional: boolean;
  /**
   * For a conditional directive whose every condition tests one variable (`x11 | bool`,
   * `mode == 'on'`, `@x11`): what each test must answer for the directive to be written.
   */
  guards?: readonly FlagGuard[];
  /** written under a template condition that picks hosts: not on every host */
  hostSpecific?: true;
  range: SourceRange;
}

/**
 * A condition that tests one variable (`{% if x11 | bool %}`, `{% else %}` after it, Puppet's
 * `if $x11`): the text or resource under it is written when the test's answer is `when`.
 */
export interface FlagGuard {
  name: string;
  test: VariableTest;
  when: boolean;
}

/**
 * The ways something is written or run, each the flags' tests that together let it (several
 * under `or`); `[[]]` for always.
 */
export type FlagWays = readonly (readonly FlagGuard[])[];

/**
 * How a template tests a variable: through Ansible's `bool` filter, by Jinja2's truth, by Ruby's
 * and Puppet's (`set`: anything but nil, undef and false), whether it is defined at all (Jinja2's
 * `is defined`), or for equality with a string (`x == 'yes'`; Puppet's ignoring case).
 */
export type VariableTest =
  'bool' | 'truth' | 'set' | 'defined' | { equals: string; ignoringCase?: true };

/** What the code of a run says of a file it deploys (`src/engine/deployments.ts`). */
export interface Deployment {
  /** where the file lands on the host */
  destination?: string;
  /** the language of the role, module or cookbook the file belongs to */
  language?: Language;
  /**
   * The scope a template is rendered in, where the code says: the Puppet class that calls it;
   * `null` where it is rendered in several, or where no lookup applies (a defined type's).
   */
  scope?: string | null;
  /** the file that defines `scope`, whose parameter defaults the template reads */
  renderedBy?: string;
}

export interface ConfigFile {
  format: ConfigFormat;
  /** how Posture knew the format, for messages: `by its name sshd_config.j2` */
  recognisedBy: string;
  /** a template (`.j2`, `.erb`, `.epp`) rather than a file deployed as it is */
  template: boolean;
  /** the Puppet class whose variables a template reads as `@name` or `$name` */
  within?: string;
  directives: Directive[];
  /** a template's loops over a variable, whose lines are written once for each item */
  loops?: TemplateLoop[];
}

/**
 * A template loop over the items of a variable (`{% for client in postgresql_hba_entries %}`)
 * or the entries of a mapping (`{% for key, value in sysctl_settings.items() %}`), with the
 * lines it writes for each.
 */
export interface TemplateLoop {
  /** the names the loop binds: an item, or an entry's key and value */
  targets: string[];
  /** the variable looped over */
  iterable: string;
  /** its items; its entries as key and value; or each entry as a map of `key` and `value` */
  over: 'items' | 'entries' | 'entry-maps';
  lines: LoopedLine[];
}

/** A line a loop writes, expressions as interpolations, and where the template writes it. */
export interface LoopedLine {
  text: string;
  range: SourceRange;
}

/**
 * Resources a file declares from a hash it does not hold itself: Puppet's
 * `create_resources('yumrepo', $repos)` with `$repos` a parameter that Hiera sets. The engine
 * reads them where the hash's entries are written, under `<hash name><separator><title>
 * <separator><attribute>` (`profile::repos::repos::internal::sslverify`); or, for one resource
 * whose title the file writes (`file { '/etc/x': * => $attributes }`), under
 * `<hash name><separator><attribute>`.
 */
export interface HashDeclaration {
  /** the type of the resources, as a unit's */
  type: string;
  typeAsWritten: string;
  typeRange: SourceRange;
  /** the name the hash is defined under (`profile::repos::repos`, a Hiera key) */
  hashName: string;
  /** what joins a name to the keys below it */
  separator: string;
  /** attributes each resource takes unless its entry sets them, written in this file */
  defaults: Attribute[];
  /** the class or defined type the declaration is made in */
  within?: string;
  /** the title of the one resource the hash gives attributes to; absent when its keys are titles */
  title?: Value;
  /**
   * The attribute each entry's value is given to, where entries hold values rather than
   * attributes (`$settings.each |$key, $value| { sysctl { $key: value => $value } }`).
   */
  valueAttribute?: string;
  /** how the file uses what the hash gives, for messages: "as an `exec` resource that `create_resources` declares" */
  usedAs: string;
  range: SourceRange;
}

export interface FileModel {
  path: string;
  language: Language;
  kind: FileKind;
  units: Unit[];
  variables: Variable[];
  comments: Comment[];
  conditions: Condition[];
  /** resources declared from a hash another file holds */
  hashDeclarations?: HashDeclaration[];
  /** for a configuration file: its format and settings */
  config?: ConfigFile;
  /** the source split into lines, for snippets and fingerprints */
  lines: string[];
}
