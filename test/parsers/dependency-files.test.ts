import { beforeAll, describe, expect, it } from 'vitest';
import type { FileModel, Unit } from '../../src/model/model.js';
import { parseDependencyFile } from '../../src/parsers/dependencies/dependency-files.js';
import {
  dependencyFileOf,
  type DependencyFileKind,
} from '../../src/parsers/dependencies/file-names.js';
import { initParsers } from '../../src/languages/parse-file.js';

beforeAll(async () => {
  await initParsers();
});

function read(kind: DependencyFileKind, lines: string[]): FileModel {
  const path = kind === 'puppetfile' ? 'Puppetfile' : 'Berksfile';
  const outcome = parseDependencyFile(path, lines.join('\n'), kind);
  if (!outcome.ok) throw new Error(`expected ${path} to parse: ${outcome.error.message}`);
  return outcome.model;
}

/** `type name: attribute=value@line:column, ...` */
function summary(unit: Unit): string {
  const attributes = unit.attributes.map(
    (attribute) =>
      `${attribute.name}=${String(attribute.value.value)}@${attribute.value.range.line}:${attribute.value.range.column}`,
  );
  return `${unit.type}${unit.name === undefined ? '' : ` ${unit.name}`}: ${attributes.join(', ')}`;
}

describe('reading a Puppetfile', () => {
  it('makes each module and the forge a dependency unit, with its options as attributes', () => {
    const model = read('puppetfile', [
      "forge 'https://forgeapi.puppet.com'",
      "moduledir 'modules'",
      '# site modules',
      "mod 'puppetlabs/stdlib', '9.6.0'",
      "mod 'site_profile',",
      "  :git => 'https://git.example.com/site_profile.git',",
      "  :tag => 'v2.3.0'",
      "mod 'ntp', git: 'http://git.example.com/ntp.git', ref: 'main'",
      "mod 'apt', :latest",
    ]);
    expect(model).toMatchObject({ language: 'puppet', kind: 'data', variables: [] });
    expect(model.units.every((unit) => unit.kind === 'dependency')).toBe(true);
    expect(model.units.map(summary)).toEqual([
      'forge: forge=https://forgeapi.puppet.com@1:7',
      'mod puppetlabs/stdlib: name=puppetlabs/stdlib@4:5, version=9.6.0@4:26',
      'mod site_profile: name=site_profile@5:5, git=https://git.example.com/site_profile.git@6:11, tag=v2.3.0@7:11',
      'mod ntp: name=ntp@8:5, git=http://git.example.com/ntp.git@8:17, ref=main@8:56',
      'mod apt: name=apt@9:5, version=latest@9:12',
    ]);
    expect(model.units[2]?.attributes[1]?.range).toEqual({
      line: 6,
      column: 3,
      endLine: 6,
      endColumn: 7,
    });
    expect(model.comments.map((comment) => comment.text)).toEqual(['site modules']);
  });

  it('reports Ruby it cannot read on its line', () => {
    const outcome = parseDependencyFile(
      'Puppetfile',
      "mod 'x',\nmod 'y', :git => \n",
      'puppetfile',
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ kind: 'syntax' });
  });
});

describe('reading a Berksfile', () => {
  it('reads sources and cookbooks, inside groups too', () => {
    const model = read('berksfile', [
      "source 'https://supermarket.chef.io'",
      "source chef_repo: '..'",
      'metadata',
      "cookbook 'nginx', '~> 12.0'",
      'group :integration do',
      "  cookbook 'app_test', git: 'http://git.example.com/app_test.git', branch: 'main'",
      'end',
    ]);
    expect(model.language).toBe('chef');
    expect(model.units.map(summary)).toEqual([
      'source: source=https://supermarket.chef.io@1:8',
      'source: chef_repo=..@2:19',
      'cookbook nginx: name=nginx@4:10, version=~> 12.0@4:19',
      'cookbook app_test: name=app_test@6:12, git=http://git.example.com/app_test.git@6:29, branch=main@6:76',
    ]);
  });
});

describe('telling dependency files by name', () => {
  it.each([
    ['Puppetfile', 'puppetfile'],
    ['control-repo/Puppetfile', 'puppetfile'],
    ['positive.Puppetfile', 'puppetfile'],
    ['Berksfile', 'berksfile'],
    ['cookbooks/app/Berksfile', 'berksfile'],
    ['Berksfile.lock', undefined],
    ['Puppetfile.lock', undefined],
    ['puppetfile', undefined],
    ['roles/r10k/templates/Puppetfile', undefined],
  ])('%s is %s', (path, expected) => {
    expect(dependencyFileOf(path)).toBe(expected);
  });
});
