/**
 * A UTF-8 byte order mark at the start of a YAML file, as editors on Windows write it: Ansible
 * (PyYAML) reads it as the encoding, so Posture must read the file exactly as it reads the same
 * file without one. Every rule's Ansible fixtures are read both ways.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../../src/engine/analyze.js';
import { fixtureFiles } from '../../src/rules/fixture-files.js';

const RULES_DIR = fileURLToPath(new URL('../../src/rules', import.meta.url));
const BOM = '\uFEFF';

function ansibleFixtures(): SourceFile[] {
  return readdirSync(RULES_DIR).flatMap((rule) => {
    const dir = join(RULES_DIR, rule, 'fixtures', 'ansible');
    if (!existsSync(dir)) return [];
    return fixtureFiles(dir)
      .filter((file) => /\.ya?ml$/.test(file))
      .map((file) => ({ path: relative(RULES_DIR, file), content: readFileSync(file, 'utf8') }));
  });
}

/** What a reader sees of a run: every finding where it is, and every file that failed. */
async function outcome(files: readonly SourceFile[]): Promise<string[]> {
  const result = await analyze(files);
  return [
    ...result.findings.map(
      (finding) =>
        `${finding.path}:${finding.range.line}:${finding.range.column} ${finding.ruleId} ${finding.message}`,
    ),
    ...result.errors.map((error) => `${error.path} ${error.kind} ${error.message}`),
  ];
}

describe('YAML that starts with a byte order mark', () => {
  it('reads every rule fixture as it reads the file without the mark', async () => {
    const files = ansibleFixtures();
    expect(files.length).toBeGreaterThan(100);
    const plain = await outcome(files);
    const marked = await outcome(files.map((file) => ({ ...file, content: BOM + file.content })));
    expect(marked).toEqual(plain);
  });
});
