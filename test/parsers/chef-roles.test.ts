import { beforeAll, describe, expect, it } from 'vitest';
import type { FileModel } from '../../src/model/model.js';
import { initParsers, parseFile } from '../../src/languages/parse-file.js';
import { explainRecognition } from '../../src/engine/detect-language.js';

beforeAll(async () => {
  await initParsers();
});

function role(path: string, source: string): FileModel {
  const outcome = parseFile(path, source, 'chef');
  if (!outcome.ok) throw new Error(`expected ${path} to parse: ${outcome.error.message}`);
  return outcome.model;
}

/** Each attribute: its path, precedence, the cookbooks it is given to and where it is set. */
function attributes(model: FileModel): string[] {
  return model.variables.map(
    ({ path, precedence, appliesTo, range }) =>
      `${path.join('.')} @${precedence ?? 0} → ${appliesTo?.units.join(',')} ${range.line}:${range.column}`,
  );
}

describe('reading a Chef role, environment or node', () => {
  it('gives the attributes of a JSON role, at their levels, to the cookbooks of its run list and its roles', () => {
    const model = role(
      'roles/web.json',
      [
        '{',
        '  "name": "web",',
        '  "default_attributes": {"ssh": {"port": 22}},',
        '  "override_attributes": {"ssh": {"permit_root_login": "no"}},',
        '  "run_list": ["recipe[ssh::server]", "role[base]", "nginx@1.2.0", "recipe[ssh]"]',
        '}',
      ].join('\n'),
    );
    // `role[base]` runs cookbooks only its own file names: any cookbook (`*`) may be one.
    expect(attributes(model)).toEqual([
      'ssh @0 → ssh,*,nginx 3:26',
      'ssh.port @0 → ssh,*,nginx 3:34',
      'ssh @3 → ssh,*,nginx 4:27',
      'ssh.permit_root_login @3 → ssh,*,nginx 4:35',
    ]);
    expect(model.variables[3]?.value).toMatchObject({ value: 'no', kind: 'string' });
  });

  it('reads a Ruby role and an environment, whose attributes reach every cookbook', () => {
    expect(
      attributes(
        role(
          'roles/db.rb',
          [
            "name 'db'",
            "run_list 'recipe[mysql::server]'",
            "default_attributes 'mysql' => { 'bind_address' => '0.0.0.0' }",
          ].join('\n'),
        ),
      ),
    ).toEqual(['mysql @0 → mysql 3:20', 'mysql.bind_address @0 → mysql 3:33']);
    expect(
      attributes(
        role(
          'environments/prod.json',
          '{"name": "prod", "override_attributes": {"ntp": {"servers": ["a"]}}}',
        ),
      ),
    ).toEqual(['ntp @3 → * 1:42', 'ntp.servers @3 → * 1:50']);
    expect(
      attributes(
        role(
          'environments/prod.rb',
          "name 'prod'\nenv_run_lists 'prod' => ['recipe[base]']\noverride_attributes('base' => { 'x' => 1 })\n",
        ),
      ),
    ).toEqual(['base @3 → base 3:21', 'base.x @3 → base 3:33']);
  });

  it('reads a node file, whose normal attributes rank above defaults', () => {
    expect(
      attributes(
        role(
          'nodes/web1.json',
          '{"name": "web1", "normal": {"ssh": {"port": 2222}}, "run_list": []}',
        ),
      ),
    ).toEqual(['ssh @2 → * 1:29', 'ssh.port @2 → * 1:37']);
  });

  it('is recognised from its folder, and JSON only when it holds the keys of a Chef role', () => {
    expect(explainRecognition('roles/web.json', '{"run_list": []}').language).toBe('chef');
    expect(explainRecognition('roles/web.rb', "name 'web'\n").language).toBe('chef');
    expect(explainRecognition('environments/app.json', '{"region": "eu"}').language).toBe(
      undefined,
    );
    expect(
      explainRecognition('cookbooks/app/files/default/roles/web.json', '{"run_list": []}').language,
    ).not.toBe('chef');
  });
});
