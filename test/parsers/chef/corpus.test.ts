import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { FileModel } from '../../../src/model/model.js';
import { initChefParser, parseChef } from '../../../src/parsers/chef/parse-chef.js';
import { describeWithSharedCorpus, SHARED_CORPUS as CORPUS } from '../../support/shared-corpus.js';
import { resources } from './support.js';

beforeAll(() => initChefParser());

function parsed(relativePath: string): FileModel {
  const path = join(CORPUS, relativePath);
  const outcome = parseChef(path, readFileSync(path, 'utf8'));
  if (!outcome.ok)
    throw new Error(
      `${relativePath}: ${outcome.error.message} (line ${outcome.error.line ?? '?'})`,
    );
  return outcome.model;
}

function rubyFilesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return path.endsWith('.rb') ? [path] : [];
  return readdirSync(path).flatMap((entry) => rubyFilesUnder(join(path, entry)));
}

describeWithSharedCorpus('Chef parser on real cookbooks', () => {
  it('reads the dev-sec hardening recipe: resources, guards and properties set per platform', () => {
    const model = parsed('real/chef/chef-os-hardening/recipes/minimize_access.rb');
    const execute = resources(model).find((unit) => unit.type === 'execute');
    expect(execute?.name).toBe('remove write permission from #{folder}');
    expect(execute?.keywords.map((keyword) => keyword.name)).toEqual(['not_if']);
    const shadow = resources(model).find((unit) => unit.name === '/etc/shadow');
    expect(
      shadow?.attributes
        .filter((attribute) => attribute.name === 'mode')
        .map((attribute) => attribute.value.value),
    ).toContain('0000');
  });

  it('reads the dev-sec attribute file, including assignments through tap blocks', () => {
    const model = parsed('real/chef/chef-os-hardening/attributes/default.rb');
    expect(model.kind).toBe('attributes');
    const logFile = model.variables.find(
      (variable) => variable.path.join('.') === 'os-hardening.auditd.log_file',
    );
    expect(logFile).toMatchObject({
      scope: 'attribute',
      value: { kind: 'string', value: '/var/log/audit/audit.log' },
    });
    expect(
      model.variables.some(
        (variable) => variable.path.join('.') === 'os-hardening.packages.pam_ccreds',
      ),
    ).toBe(true);
  });

  it('reads a metadata.rb without taking its fields for resources', () => {
    const model = parsed('real/chef/chef-openssh/metadata.rb');
    expect(resources(model)).toEqual([]);
    expect(model.comments.map((comment) => comment.text)).toEqual(['frozen_string_literal: true']);
  });

  it('reads a GLITCH oracle recipe with secrets passed through helpers and heredocs', () => {
    const model = parsed(
      'glitch-oracle/chef/recipes/DrRayWang_Chef-Base-cookbooks-bcpc-recipes-mysql.rb',
    );
    const repository = resources(model).find((unit) => unit.type === 'apt_repository');
    expect(
      repository?.attributes.find((attribute) => attribute.name === 'uri')?.value,
    ).toMatchObject({
      kind: 'reference',
      name: 'node.bcpc.repos.mysql',
    });
    const bash = resources(model).find((unit) => unit.type === 'bash');
    expect(bash?.attributes.find((attribute) => attribute.name === 'code')?.value).toMatchObject({
      kind: 'string',
      dynamic: true,
    });
  });

  it('reads custom resources and libraries', () => {
    expect(parsed('real/chef/chef-docker/resources/container.rb').variables.length).toBeGreaterThan(
      0,
    );
    expect(parsed('real/chef/chef-mysql/libraries/helpers.rb').comments.length).toBeGreaterThan(0);
  });

  it('parses every Ruby file of the Chef corpora without a syntax error', () => {
    const files = [
      ...rubyFilesUnder(join(CORPUS, 'real/chef')),
      ...rubyFilesUnder(join(CORPUS, 'glitch-oracle/chef')),
    ];
    expect(files.length).toBeGreaterThan(400);
    const failures = files.flatMap((file) => {
      const outcome = parseChef(file, readFileSync(file, 'utf8'));
      return outcome.ok ? [] : [`${file}: ${outcome.error.message}`];
    });
    expect(failures).toEqual([]);
  });
});
