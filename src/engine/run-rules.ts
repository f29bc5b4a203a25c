import type { Finding } from './finding.js';
import type { FileModel } from './model.js';
import type { ActiveRule } from '../policy/resolve-rules.js';

/** Runs the active rules on one file; one finding per rule and line at most. */
export function runRules(model: FileModel, active: readonly ActiveRule[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { rule, severity, options } of active) {
    rule.check({
      file: model,
      options,
      report({ range, message, suggestion }) {
        const key = `${rule.meta.id}:${range.line}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push({
          ruleId: rule.meta.id,
          category: rule.meta.category,
          severity,
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
