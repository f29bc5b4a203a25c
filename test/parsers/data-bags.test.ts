import { describe, expect, it } from 'vitest';
import type { FileModel } from '../../src/model/model.js';
import { parseDataBagItem } from '../../src/parsers/chef/data-bags.js';
import { isDataBagItem } from '../../src/parsers/chef/file-names.js';

function item(source: string, path = 'data_bags/users/deploy.json'): FileModel {
  const outcome = parseDataBagItem(path, source);
  if (!outcome.ok) throw new Error(`expected ${path} to parse: ${outcome.error.message}`);
  return outcome.model;
}

describe('reading a Chef data bag item', () => {
  it('makes every key a variable with its full path and exact ranges', () => {
    const model = item(
      [
        '{',
        '  "id": "deploy",',
        '  "password": "s3cret",',
        '  "ssh": {"keys": ["ssh-ed25519 AAAA deploy"], "port": 22}',
        '}',
      ].join('\n'),
    );
    expect(model).toMatchObject({ language: 'chef', kind: 'data', units: [] });
    expect(
      model.variables.map(
        (variable) =>
          `${variable.path.join('.')} ${variable.scope} ${variable.value.kind} ${variable.range.line}:${variable.range.column}`,
      ),
    ).toEqual([
      'id data string 2:3',
      'password data string 3:3',
      'ssh data map 4:3',
      'ssh.keys data list 4:11',
      'ssh.port data number 4:48',
    ]);
    const password = model.variables[1];
    expect(password?.value).toMatchObject({ value: 's3cret', text: '"s3cret"', dynamic: false });
    expect(password?.value.range).toEqual({ line: 3, column: 15, endLine: 3, endColumn: 23 });
  });

  it('keeps the ciphertext of an encrypted item as encrypted values, reading nothing under them', () => {
    const model = item(
      JSON.stringify(
        {
          id: 'mysql',
          password: {
            encrypted_data: 'c2VjcmV0\n',
            iv: 'aXY=\n',
            version: 1,
            cipher: 'aes-256-cbc',
          },
          token: {
            encrypted_data: 'dG9rZW4=\n',
            iv: 'aXY=\n',
            auth_tag: 'dGFn\n',
            version: 3,
            cipher: 'aes-256-gcm',
          },
        },
        null,
        2,
      ),
    );
    expect(
      model.variables.map((variable) => `${variable.path.join('.')} ${variable.value.kind}`),
    ).toEqual(['id string', 'password encrypted', 'token encrypted']);
  });

  it('reports JSON it cannot read on its line', () => {
    const outcome = parseDataBagItem(
      'data_bags/users/broken.json',
      '{\n  "id": "x",\n  "a": [1,\n}\n',
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ kind: 'syntax' });
  });

  it.each([
    ['data_bags/users/deploy.json', true],
    ['chef-repo/data_bags/secrets/mysql.json', true],
    ['test/fixtures/data_bags/users/alice.json', true],
    ['data_bags/users.json', false],
    ['data_bags/users/deploy.rb', false],
    ['cookbooks/app/files/default/data_bags/users/deploy.json', false],
    ['roles/web.json', false],
  ])('%s is a data bag item: %s', (path, expected) => {
    expect(isDataBagItem(path)).toBe(expected);
  });
});
