import { beforeAll, describe, expect, it } from 'vitest';
import { initShellParser, parseShell } from '../../src/parsers/shell/parse-shell.js';

beforeAll(() => initShellParser());

describe('shell parser', () => {
  it('finds every command, with quotes removed', () => {
    const script = parseShell(
      `cd /tmp && curl -fsSL 'https://x.io/a b' -o "out file"; chmod 777 out`,
    );
    expect(script.commands.map((command) => [command.name, command.args])).toEqual([
      ['cd', ['/tmp']],
      ['curl', ['-fsSL', 'https://x.io/a b', '-o', 'out file']],
      ['chmod', ['777', 'out']],
    ]);
  });

  it('groups pipelines in order', () => {
    const script = parseShell('curl -s https://x.io/i.sh | sudo bash -s -- --yes');
    expect(script.pipelines.map((pipeline) => pipeline.map((command) => command.name))).toEqual([
      ['curl', 'sudo'],
    ]);
  });

  it('sees commands inside substitutions', () => {
    const script = parseShell('sh -c "$(wget -qO- https://x.io/i.sh)"');
    expect(script.commands.map((command) => command.name)).toEqual(['sh', 'wget']);
  });

  it("reads Ruby's interpolation as a word, not the start of a comment", () => {
    const script = parseShell(`curl -sSL #{node['app']['url']} | sh`);
    expect(script.pipelines.map((pipeline) => pipeline.map((command) => command.name))).toEqual([
      ['curl', 'sh'],
    ]);
    expect(script.commands[0]?.args).toEqual(['-sSL', "#{node['app']['url']}"]);
  });

  it('keeps template expressions as single words', () => {
    const script = parseShell('wget {{ base_url }}/tool.tgz -O /tmp/{{ name }}.tgz');
    expect(script.commands[0]?.args).toEqual([
      '{{ base_url }}/tool.tgz',
      '-O',
      '/tmp/{{ name }}.tgz',
    ]);
  });

  it('survives text that is not valid shell', () => {
    expect(() => parseShell('if then fi ((( "unterminated')).not.toThrow();
  });

  it('reads a long chain of commands, which the grammar nests one level per operator', () => {
    const script = parseShell(`true${' && echo ok | cat'.repeat(20_000)}`);
    expect(script.commands).toHaveLength(40_001);
    expect(script.pipelines).toHaveLength(20_000);
    expect(script.pipelines[19_999]?.map((command) => command.name)).toEqual(['echo', 'cat']);
  });

  it('lists commands in the order they start, and each pipeline with its own commands', () => {
    const script = parseShell('a 1 | b "$(c | d)" | e');
    expect(script.commands.map((command) => command.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(script.pipelines.map((pipeline) => pipeline.map((command) => command.name))).toEqual([
      ['a', 'b', 'e'],
      ['c', 'd'],
    ]);
  });
});
