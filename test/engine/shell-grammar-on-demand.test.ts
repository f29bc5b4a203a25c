/**
 * The shell grammar loads with the first file whose commands need it, and never for a run
 * without one. The tests run in order: the grammar, once loaded, stays loaded in this file's
 * modules.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { shellGrammarLoaded } from '../../src/parsers/shell/parse-shell.js';

const findingsOf = (result: Awaited<ReturnType<typeof analyze>>) =>
  result.findings.map((finding) => `${finding.path}:${finding.range.line}:${finding.ruleId}`);

describe('the shell grammar, loaded on demand', () => {
  it('is not loaded for files without commands', async () => {
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

  it('is not loaded for commands of plain words, which are still judged', async () => {
    const result = await analyze([
      {
        path: 'roles/web/tasks/main.yml',
        content: '- name: open the config\n  command: chmod 777 /etc/nginx/nginx.conf\n',
      },
    ]);
    expect(result.errors).toEqual([]);
    expect(findingsOf(result)).toContain('roles/web/tasks/main.yml:2:insecure-file-permissions');
    expect(shellGrammarLoaded()).toBe(false);
  });

  it('loads for a command that reads a variable, which a binding can make anything', async () => {
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
    expect(shellGrammarLoaded()).toBe(true);
  });
});
