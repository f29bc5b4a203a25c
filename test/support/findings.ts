import type { Finding } from '../../src/model/finding.js';

/** A finding as the engine reports it; `pipe-to-shell` is a registered rule, so its metadata resolves. */
export function makeFinding(overrides: Partial<Finding> & { line?: number } = {}): Finding {
  const { line = 3, ...rest } = overrides;
  return {
    ruleId: 'pipe-to-shell',
    category: 'pipe-to-shell',
    severity: 'high',
    language: 'ansible',
    path: 'roles/web/tasks/main.yml',
    range: { line, column: 5, endLine: line, endColumn: 40 },
    message: 'a downloaded script is run without being verified',
    ...rest,
  };
}
