/**
 * `parseShell` before and after the grammar loads: plain commands and refused nesting need no
 * grammar, and `readsWithGrammar` says which scripts do. In order: the grammar loads midway.
 */
import { describe, expect, it } from 'vitest';
import {
  initShellParser,
  MAX_SHELL_NESTING,
  parseShell,
  readsWithGrammar,
  shellGrammarLoaded,
  ShellNestingError,
} from '../../src/parsers/shell/parse-shell.js';

const PIPED = 'curl -s https://x.io/i.sh | sudo bash';

describe('parseShell without the grammar', () => {
  it('reads a command of plain words', () => {
    expect(shellGrammarLoaded()).toBe(false);
    expect(readsWithGrammar('systemctl daemon-reload')).toBe(false);
    expect(parseShell('{{ bin_dir }}/kubeadm init --config=/etc/kubeadm.yaml').commands).toEqual([
      {
        name: '{{ bin_dir }}/kubeadm',
        args: ['init', '--config=/etc/kubeadm.yaml'],
        start: 0,
        end: 53,
      },
    ]);
  });

  it('refuses a command nested too deeply, as with the grammar', () => {
    const deep = `${'$('.repeat(MAX_SHELL_NESTING + 1)}id${')'.repeat(MAX_SHELL_NESTING + 1)}`;
    expect(readsWithGrammar(deep)).toBe(false);
    expect(() => parseShell(deep)).toThrow(ShellNestingError);
  });

  it('says that any other script needs the grammar, and asks for it', () => {
    expect(readsWithGrammar(PIPED)).toBe(true);
    expect(readsWithGrammar('echo "quoted"')).toBe(true);
    expect(() => parseShell(PIPED)).toThrow(/initShellParser/);
  });
});

describe('parseShell once the grammar has loaded', () => {
  it('reads the script, and no longer needs the grammar for it', async () => {
    await initShellParser();
    expect(shellGrammarLoaded()).toBe(true);
    expect(
      parseShell(PIPED).pipelines.map((pipeline) => pipeline.map((step) => step.name)),
    ).toEqual([['curl', 'sudo']]);
    expect(readsWithGrammar(PIPED)).toBe(false);
  });
});
