/**
 * The shell grammar loads before a run parses when one of its files names a task or resource
 * that runs commands, on demand for a command its text does not name, and never for a run
 * without one. The tests run in order: the grammar, once loaded, stays loaded in this file's
 * modules.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { shellGrammarLoaded } from '../../src/parsers/shell/parse-shell.js';

const findingsOf = (result: Awaited<ReturnType<typeof analyze>>) =>
  result.findings.map((finding) => `${finding.path}:${finding.range.line}:${finding.ruleId}`);

describe('the shell grammar, loaded on demand', () => {
  it('is not loaded for files that run no command', async () => {
    const result = await analyze([
      {
        path: 'roles/web/tasks/main.yml',
        content: '- name: the package\n  apt:\n    name: nginx\n',
      },
      { path: 'roles/web/defaults/main.yml', content: 'web_port: 8080\n' },
    ]);
    expect(result.errors).toEqual([]);
    expect(shellGrammarLoaded()).toBe(false);
  });

  it('loads for a command whose module the text spells with an escape', async () => {
    const result = await analyze([
      {
        path: 'roles/web/tasks/main.yml',
        content:
          '- name: install\n  "sh\\u0065ll": curl -sSL https://get.example.com/i.sh | bash\n',
      },
    ]);
    expect(result.errors).toEqual([]);
    expect(findingsOf(result)).toContain('roles/web/tasks/main.yml:2:pipe-to-shell');
    expect(shellGrammarLoaded()).toBe(true);
  });

  it('judges a command that reads a variable as the variable makes it', async () => {
    const result = await analyze([
      {
        path: 'roles/web/tasks/main.yml',
        content: '- name: install\n  shell: "{{ web_installer }}"\n',
      },
      {
        path: 'roles/web/defaults/main.yml',
        content: 'web_installer: curl -sSL https://get.example.com/install.sh | bash\n',
      },
    ]);
    expect(result.errors).toEqual([]);
    expect(findingsOf(result)).toContain('roles/web/defaults/main.yml:1:pipe-to-shell');
  });
});
