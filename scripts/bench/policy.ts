/**
 * The bench's `policy` part: how long policy features cost, a custom rule with a catastrophic
 * regular expression on a long line (linear on RE2; exponential on a backtracking engine).
 */
import { analyze } from '../../src/engine/analyze.js';
import { buildPolicy } from '../../src/policy/build-policy.js';

const LENGTHS = [1_000, 10_000, 100_000];

function customRulePolicy(pattern: string) {
  const text = [
    'custom_rules:',
    '  - id: evil-pattern',
    '    message: matched',
    '    severity: low',
    '    category: weak-crypto',
    '    languages: [ansible]',
    '    match:',
    '      variable: long_line',
    `      regex: "${pattern}"`,
  ].join('\n');
  const built = buildPolicy({ repo: { source: '.security.yml', text } });
  if (built.errors.length > 0)
    throw new Error(built.errors.map((error) => error.message).join('; '));
  return built.policy;
}

export async function runPolicyBench(): Promise<void> {
  const policy = customRulePolicy('(a+)+$');
  await analyze([{ path: 'group_vars/all.yml', content: 'warm: up\n' }], { policy, rules: [] });
  console.log(
    'Custom rule `(a+)+$` on a line of a\'s ending in "!" (a backtracking engine needs ~2^n steps)\n',
  );
  console.log('line length   wall ms');
  for (const length of LENGTHS) {
    const content = `long_line: "${'a'.repeat(length)}!"\n`;
    const started = performance.now();
    const result = await analyze([{ path: 'group_vars/all.yml', content }], { policy, rules: [] });
    const elapsed = performance.now() - started;
    console.log(
      `${String(length).padStart(11)}   ${elapsed.toFixed(1).padStart(7)}${result.findings.length > 0 ? '  (matched?!)' : ''}`,
    );
  }
}
