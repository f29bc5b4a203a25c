import { beforeAll, describe, expect, it } from 'vitest';
import {
  initShellParser,
  parseShell,
  parseShellWithGrammar,
} from '../../src/parsers/shell/parse-shell.js';
import { plainCommand } from '../../src/parsers/shell/plain-command.js';

beforeAll(() => initShellParser());

/** A small deterministic generator, so that a failure names a case that comes back. */
function generator(seed: number): (below: number) => number {
  let state = seed | 0;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) % below;
  };
}

const WORD_CHARACTERS = 'abcxyzAZ019_./,:=+@%-';
/** Words the shell reads specially somewhere, and words commands are made of. */
const TRICKY_WORDS = [
  ...['if', 'then', 'fi', 'do', 'done', 'in', 'case', 'esac', 'for', 'while', 'select'],
  ...['export', 'local', 'declare', 'readonly', 'unset', 'function', 'time', 'coproc'],
  ...['echo', 'test', 'exec', 'eval', 'command', '!', '[[', ']]', '{', '}'],
  ...['==', '=', '=x', 'a=b', 'a+=b', '+=', '--x=y', 'x=', '-eq', '-z', '--', '-', '-1'],
  ...['1', '007', '0x1f', '10#5', '2#101', 'u+x', 'go-w', '1.2.3', 'a,b', 'a:b', '%', '@'],
  ...['TTTT', 'TTTT/bin/kubectl', '/usr/bin/env', './configure', '../x'],
];

function generatedCommands(count: number, seed: number): string[] {
  const random = generator(seed);
  const blank = () => [' ', '  ', '\t', ' \t'][random(4)] as string;
  const word = () => {
    if (random(3) === 0) return TRICKY_WORDS[random(TRICKY_WORDS.length)] as string;
    let text = '';
    for (let length = 1 + random(6); length > 0; length--)
      text += WORD_CHARACTERS[random(WORD_CHARACTERS.length)];
    return text;
  };
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 1 + random(5) }, word);
    return (
      (random(4) === 0 ? blank() : '') + words.join(blank()) + (random(4) === 0 ? blank() : '')
    );
  });
}

describe('plain commands, read without the grammar', () => {
  it('reads every command it takes as the grammar does', () => {
    const commands = generatedCommands(20_000, 1);
    const taken = commands.filter((command) => plainCommand(command, command) !== undefined);
    // The generator makes both kinds, so that the comparison covers many commands it reads.
    expect(taken.length).toBeGreaterThan(3_000);
    expect(taken.length).toBeLessThan(commands.length);
    for (const command of taken)
      expect(plainCommand(command, command), JSON.stringify(command)).toEqual(
        parseShellWithGrammar(command),
      );
  });

  it('reads the commands playbooks and manifests write', () => {
    const commands = [
      'systemctl daemon-reload',
      'kubeadm init --config=/etc/kubernetes/kubeadm.yaml --skip-phases=addon/kube-proxy',
      'chmod u+x,go-w /usr/local/bin/tool',
      '  update-ca-certificates\t',
      '/usr/sbin/setsebool -P httpd_can_network_connect 1',
    ];
    for (const command of commands) {
      expect(plainCommand(command, command), command).toBeDefined();
      expect(parseShell(command), command).toEqual(parseShellWithGrammar(command));
    }
  });

  it('leaves to the grammar what a plain word cannot say', () => {
    const commands = [
      'curl -s https://x.io/i.sh | bash',
      'cd /tmp && make',
      "echo 'quoted words'",
      'echo $HOME',
      'RUNLEVEL=1 apt-get install -y nginx',
      'export PATH=/opt/bin',
      'if true',
      'test a == b',
      'tar xzf a.tgz # unpack',
      'make\nmake install',
      'user@host',
      '- a=b',
      '',
    ];
    for (const command of commands) expect(plainCommand(command, command), command).toBeUndefined();
  });

  it('takes each word from the script, where a template expression was masked', () => {
    const script = 'wget {{ url }}/tool.tgz -O /tmp/{{ name }}.tgz';
    const masked = script.replace(/\{\{.*?\}\}/g, (expression) => 'T'.repeat(expression.length));
    expect(plainCommand(masked, script)?.commands).toEqual([
      {
        name: 'wget',
        args: ['{{ url }}/tool.tgz', '-O', '/tmp/{{ name }}.tgz'],
        start: 0,
        end: script.length,
      },
    ]);
    expect(parseShell(script)).toEqual(parseShellWithGrammar(script));
  });
});
