import { beforeAll, describe, expect, it } from 'vitest';
import { initChefParser, parseChef } from '../../../src/parsers/chef/parse-chef.js';
import { initShellParser, parseShell } from '../../../src/parsers/shell/parse-shell.js';
import { resources } from './support.js';

beforeAll(async () => {
  await initShellParser();
  await initChefParser();
});

describe('Ruby and shell grammars on one web-tree-sitter runtime', () => {
  it('parses both languages after both are loaded', () => {
    const outcome = parseChef(
      'recipes/default.rb',
      `execute 'fetch' do\n  command 'curl -s https://x.io/i.sh | sh'\nend\n`,
    );
    expect(outcome.ok && resources(outcome.model).map((unit) => unit.type)).toEqual(['execute']);
    const command = outcome.ok
      ? resources(outcome.model)[0]?.attributes.find((attribute) => attribute.name === 'command')
          ?.value.value
      : undefined;
    expect(
      parseShell(String(command)).pipelines.map((pipeline) => pipeline.map((part) => part.name)),
    ).toEqual([['curl', 'sh']]);
  });
});
