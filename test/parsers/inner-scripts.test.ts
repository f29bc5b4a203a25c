import { beforeAll, describe, expect, it } from 'vitest';
import { initShellParser, parseShell } from '../../src/parsers/shell/parse-shell.js';

beforeAll(() => initShellParser());

const names = (script: string): string[] =>
  parseShell(script).commands.map((command) => command.name);

describe('scripts a command hands to a shell', () => {
  it('reads the commands and pipelines of `sh -c`, placed at the command that runs them', () => {
    const text = `cd /tmp && /bin/sh -c 'curl -fsSL https://x.io/i.sh | sh'`;
    const script = parseShell(text);
    expect(script.commands.map((command) => command.name)).toEqual(['cd', '/bin/sh', 'curl', 'sh']);
    expect(script.pipelines.map((pipeline) => pipeline.map((command) => command.name))).toEqual([
      ['curl', 'sh'],
    ]);
    const shell = script.commands[1];
    expect(script.commands.slice(2).map(({ start, end }) => [start, end])).toEqual([
      [shell?.start, shell?.end],
      [shell?.start, shell?.end],
    ]);
  });

  it.each([
    ['sudo -u app bash -ec "chmod 777 /srv/app"', 'chmod'],
    ['bash -o pipefail -c "chmod 777 /srv/app | tee log"', 'chmod'],
    ["env LANG=C nohup zsh -lc 'chmod 777 /srv/app'", 'chmod'],
    ["su - app -c 'chmod 777 /srv/app'", 'chmod'],
    [`sh -c "sh -c 'chmod 777 /srv/app'"`, 'chmod'],
  ])('sees through `%s`', (text, inner) => {
    expect(names(text)).toContain(inner);
  });

  it('leaves a script file and its arguments alone', () => {
    expect(names("bash deploy.sh -c 'chmod 777 /srv/app'")).toEqual(['bash']);
  });

  it('reads a command substitution once, where the outer shell runs it', () => {
    expect(names('sh -c "$(wget -qO- https://x.io/i.sh)"')).toEqual(['sh', 'wget']);
  });

  it('gives the same reading whether the outer command is plain words or not', () => {
    expect(names('sh -c id')).toEqual(['sh', 'id']);
    expect(names('sh -c "id"')).toEqual(['sh', 'id']);
  });
});
