import type { Finding } from './finding.js';
import type { FileModel } from './model.js';
import type { Rule } from '../rules/rule.js';

/** Runs every rule that speaks the file's language; one finding per rule and line at most. */
export function runRules(model: FileModel, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.meta.languages.includes(model.language)) continue;
    rule.check({
      file: model,
      report({ range, message, suggestion }) {
        const key = `${rule.meta.id}:${range.line}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push({
          ruleId: rule.meta.id,
          category: rule.meta.category,
          severity: rule.meta.severity,
          language: model.language,
          path: model.path,
          range,
          message,
          ...(suggestion ? { suggestion } : {}),
        });
      },
    });
  }
  return findings;
}
