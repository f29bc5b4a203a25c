import type { Finding, Landing, Severity, Suggestion } from '../model/finding.js';
import type { FileModel, FlagWays, Language, SourceRange } from '../model/model.js';
import type { VariableDefinition } from '../model/definition.js';
import type { Profile } from './profiles.js';

export interface RuleMeta {
  /** kebab-case, stable, written by hand in suppressions and policies */
  id: string;
  title: string;
  severity: Severity;
  /** one of the fixed categories in `categories.ts` */
  category: string;
  languages: readonly Language[];
  /** what the rule flags and why it matters (Markdown) */
  description: string;
  /** how to fix it (Markdown) */
  remediation: string;
  /** e.g. `CWE-798` */
  cwe: string;
  /**
   * The rows of the check catalog (`src/rules/catalog.ts`) the rule covers, e.g. `['PRIV-05']`;
   * the README's coverage table is generated from them.
   */
  catalog?: readonly string[];
  /** lists of strings a policy can set for the rule, with their defaults */
  options?: Readonly<Record<string, RuleOption>>;
  /**
   * The profiles the rule runs in unless a policy turns it on or off by name; every profile
   * when absent (see `src/rules/profiles.ts`).
   */
  profiles?: readonly Profile[];
  /**
   * The rule runs only where a policy turns it on (by id or category): a check some teams want
   * and others would find noisy, such as a file written without an explicit mode. The README's
   * catalog marks it as opt-in.
   */
  optIn?: boolean;
}

export interface RuleOption {
  description: string;
  default: readonly string[];
}

export interface Report {
  range: SourceRange;
  message: string;
  suggestion?: Suggestion;
  /**
   * This finding's severity when it is less than the rule's (a placeholder, a defence-in-depth
   * note); the severity the policy gives the rule still caps it.
   */
  severity?: Severity;
  /** The profiles this finding belongs to; every profile when absent. */
  profiles?: readonly Profile[];
  /**
   * The file the range is in, when it is not the file being checked: the file of a definition
   * `resolve` returned, when the value it sets is what makes the code insecure.
   */
  path?: string;
  /** where the value lands, when the report is on the definition of a value used elsewhere */
  landing?: Landing;
}

export interface RuleContext {
  file: FileModel;
  /** the rule's options: the policy's values, or the declared defaults */
  options: Readonly<Record<string, readonly string[]>>;
  report: (report: Report) => void;
  /**
   * Where a variable this file reads gets its value: the definitions of the highest precedence
   * that reach the file (its own vars and parameters, its role's defaults and vars, group and
   * host vars, Hiera data, cookbook attributes), each followed to the line that sets a value.
   * Names as the language writes references: `selinux_state`, `nginx.port`, `mode` or
   * `profile::selinux::mode`, `node.app.port`, `new_resource.bind`. Empty when nothing defines it.
   */
  resolve: (name: string) => readonly VariableDefinition[];
  /**
   * `resolve` as a unit this file applies reads names (a role from Galaxy that a play lists), for
   * a unit whose code the run does not hold; undefined when it holds it, or cannot place it.
   * The same function for the same unit, so that what rules derive through it can be shared.
   */
  resolveInAbsentUnit?: (
    unit: string,
  ) => ((name: string) => readonly VariableDefinition[]) | undefined;
  /**
   * The names defined under `prefix` that the file may read, sorted (`ssh_options.` finds
   * `ssh_options.PermitRootLogin`): the keys of a mapping the variables hold.
   */
  namesUnder?: (prefix: string) => readonly string[];
  /**
   * For a task file or template the run includes or renders only under conditions on flags
   * (an `include_tasks` or `template` task with `when: lab | bool`): what the flags must answer
   * for it to run, one list per way the run reaches it. Absent where some way runs it without
   * such a condition, or nothing in the run includes it.
   */
  runsUnder?: FlagWays;
  /**
   * The names under which the run's code registers what it finds on a host (Ansible's
   * `register:`, in any file of the run): a condition that tests one picks hosts, as a fact does.
   * Absent where the run knows of none.
   */
  registered?: ReadonlySet<string>;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export type { Finding, VariableDefinition };
