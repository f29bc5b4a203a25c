import type { Finding, Severity, Suggestion } from '../engine/finding.js';
import type { FileModel, Language, SourceRange } from '../engine/model.js';

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
  /** lists of strings a policy can set for the rule, with their defaults */
  options?: Readonly<Record<string, RuleOption>>;
}

export interface RuleOption {
  description: string;
  default: readonly string[];
}

export interface Report {
  range: SourceRange;
  message: string;
  suggestion?: Suggestion;
}

export interface RuleContext {
  file: FileModel;
  /** the rule's options: the policy's values, or the declared defaults */
  options: Readonly<Record<string, readonly string[]>>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export type { Finding };
