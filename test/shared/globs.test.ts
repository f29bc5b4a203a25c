import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import {
  globMatches,
  globProblem,
  HOST_GLOB_OPTIONS,
  matchesAny,
  PATH_GLOB_OPTIONS,
} from '../../src/shared/globs.js';

const GLOBS = [
  '**/molecule/**',
  'roles/**/tasks/*.yml',
  '*.{yml,yaml}',
  'roles/*/files/**',
  '.github/**',
  '**/*-test?.yml',
  'inventories/[a-c]*/hosts',
  'deploy/@(prod|stage)/*.yml',
  'vendor/**/+(x|y).rb',
  '**',
];
const PATHS = [
  'molecule/default/converge.yml',
  'roles/web/molecule/x.yml',
  'roles/web/tasks/main.yml',
  'roles/web/tasks/sub/main.yml',
  'site.yml',
  'site.yaml',
  '.github/workflows/ci.yml',
  'roles/web/files/.hidden',
  'group_vars/web-test1.yml',
  'inventories/beta/hosts',
  'inventories/delta/hosts',
  'deploy/prod/site.yml',
  'deploy/dev/site.yml',
  'vendor/a/b/x.rb',
  'vendor/a/b/z.rb',
];

describe('globs matched in linear time', () => {
  it('answer as minimatch does on repository paths', () => {
    for (const glob of GLOBS)
      for (const path of PATHS)
        expect([glob, path, globMatches(path, glob)]).toEqual([
          glob,
          path,
          minimatch(path, glob, PATH_GLOB_OPTIONS),
        ]);
  });

  it('match host names in any case, and negate and ignore comments as a condition asks', () => {
    expect(globMatches('Mirror.Example.COM', '*.example.com', HOST_GLOB_OPTIONS)).toBe(true);
    expect(globMatches('example.org', '*.example.com', HOST_GLOB_OPTIONS)).toBe(false);
    expect(globMatches('secret', '!pub*', { dot: true })).toBe(true);
    expect(globMatches('public', '!pub*', { dot: true })).toBe(false);
    expect(globMatches('anything', '#comment', { dot: true })).toBe(false);
  });

  it('do not hang on a glob that would backtrack over a long name', () => {
    const glob = `**/${'*a'.repeat(12)}*b`;
    expect(globProblem(glob)).toBeUndefined();
    expect(matchesAny(`roles/web/tasks/${'a'.repeat(250)}.yml`, [glob])).toBe(false);
    expect(matchesAny(`roles/web/tasks/${'a'.repeat(250)}b`, [glob])).toBe(true);
  });

  it('refuse, where the policy writes it, a glob that needs lookahead', () => {
    expect(globProblem('roles/!(web)/**')).toMatch(/lookahead/);
    const { errors } = parsePolicy(
      'paths:\n  exclude: ["roles/!(web)/**"]\nwaivers: []\n',
      '.security.yml',
    );
    expect(errors).toEqual([
      expect.objectContaining({
        key: 'paths.exclude[0]',
        line: 2,
        message: expect.stringMatching(/lookahead/) as unknown,
      }),
    ]);
  });
});
