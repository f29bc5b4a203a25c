/**
 * Chef's variables: attribute files set node attributes for their cookbook and, in the runs that
 * load them, for the other cookbooks beside it; roles, environments and nodes set them for the
 * cookbooks of their run lists, and a recipe's `node.default[...] = ...` for the cookbooks it
 * includes; a `template` resource's `variables(...)` set its template's `@names`; otherwise a
 * recipe's own assignments, a custom resource property's default and a Ruby local hold in their
 * own file. References name node attributes by their keys (`node['app']['port']` is
 * `node.app.port`), properties as `new_resource.bind` and template variables as `@port`.
 */
import { foldersOf, placeByUnitFolders } from '../layout.js';
import { posix } from 'node:path';
import type { GivenValue, VariableReading } from '../language.js';
import type { Application, FileModel } from '../../model/model.js';
import { parameterDefault } from '../parameter-default.js';
import { rubyReferences } from './references.js';
import { givenValues } from '../given-values.js';
import { ROLE_FILE } from '../../parsers/chef/file-names.js';
import { EVERY_COOKBOOK, cookbookOf } from '../../parsers/chef/roles.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';

/** The folders of a Chef cookbook. */
const COOKBOOK_FOLDERS = new Set([
  'recipes',
  'attributes',
  'resources',
  'providers',
  'libraries',
  'templates',
  'files',
]);

/** The folders of a cookbook whose files read node attributes. */
const COOKBOOK_CODE_FOLDERS = '(recipes|attributes|templates|resources|providers|libraries)';
const COOKBOOK_CODE = new RegExp(`(^|/)${COOKBOOK_CODE_FOLDERS}/`);
const RECIPE = /(^|\/)recipes\/[^/]+\.rb$/;

/**
 * What a recipe's `template` resources give their templates: `variables(root_login: ...)` is
 * `@root_login` in the template, which sits in the cookbook's `templates/default/` (or
 * `templates/`) under the resource's `source`, or its name's last part with `.erb`. A template
 * of another cookbook (`cookbook 'base'`) or outside any (`local true`) is not followed.
 */
function templateVariables(model: FileModel): GivenValue[] {
  const cookbook = /^(.*?)recipes\/[^/]+\.rb$/.exec(model.path)?.[1];
  if (cookbook === undefined) return [];
  return model.units.flatMap((unit) => {
    const variables = unit.attributes.find(({ name }) => name === 'variables')?.value;
    if (unit.type !== 'template' || variables?.kind !== 'map') return [];
    if (unit.attributes.some(({ name }) => name === 'cookbook' || name === 'local')) return [];
    const source = unit.attributes.find(({ name }) => name === 'source')?.value;
    const file =
      source === undefined
        ? unit.name && `${posix.basename(unit.name)}.erb`
        : typeof source.value === 'string' && !source.dynamic
          ? source.value
          : undefined;
    if (!file || file.includes('..')) return [];
    const files = [`${cookbook}templates/default/${file}`, `${cookbook}templates/${file}`];
    const application: Application = {
      units: [],
      files,
      asParameters: true,
      line: unit.range.line,
    };
    return (variables.entries ?? []).map(({ name, value, range }) => ({
      name: `@${name}`,
      value,
      range,
      origin: 'template-variable' as const,
      application,
    }));
  });
}

/**
 * The cookbooks a recipe includes (`include_recipe 'ssh::server'` is the cookbook `ssh`): a
 * wrapper recipe's `node.override['ssh'][...] = ...` is set for them, over their attribute files.
 */
function includedCookbooks(model: FileModel): string[] {
  const cookbooks = new Set<string>();
  for (const unit of model.units) {
    if (unit.type !== 'include_recipe') continue;
    for (const { value } of unit.attributes) {
      const cookbook =
        typeof value.value === 'string' && !value.dynamic ? cookbookOf(value.value) : undefined;
      if (cookbook) cookbooks.add(cookbook);
    }
  }
  return [...cookbooks];
}

export const variables: VariableReading = {
  templated: /#\{/,

  definesForOthers: (path) => foldersOf(path).includes('attributes'),

  placer: () => (path) => placeByUnitFolders(path, COOKBOOK_FOLDERS, true),

  shared: (variable) =>
    variable.scope === 'attribute'
      ? { name: `node.${variable.path.join('.')}`, origin: 'node-attribute' }
      : undefined,

  own(variable) {
    if (variable.scope === 'parameter') return parameterDefault(variable, '.');
    if (variable.scope === 'attribute')
      return {
        name: `node.${variable.path.join('.')}`,
        origin: 'node-attribute',
        level: 'play',
        aliases: [],
      };
    return variable.scope === 'data'
      ? { name: variable.path.join('.'), origin: 'local-variable', level: 'local', aliases: [] }
      : undefined;
  },

  applied: {
    pathMayApply: new RegExp(`${ROLE_FILE.source}|${RECIPE.source}`, 'i'),
    mayApply: /\b(default_attributes|override_attributes|normal|default|override|variables)\b/,
    given: (model) => {
      const wrapped = RECIPE.test(model.path) ? includedCookbooks(model) : [];
      const application: Application = { units: wrapped, asParameters: true, line: 1 };
      const attributes = givenValues(model.variables, ({ appliesTo, path, scope }) => {
        const given =
          appliesTo ?? (scope === 'attribute' && wrapped.length > 0 ? application : undefined);
        return given
          ? { name: `node.${path.join('.')}`, origin: 'node-attribute', application: given }
          : undefined;
      });
      return [...attributes, ...templateVariables(model)];
    },
    // Node attributes are read by their full names, whichever cookbook reads them.
    unitFolder: () => '',
    // A role at the top of a Chef repository gives values to the cookbooks in `cookbooks/`.
    reachesOtherTops: (path) => /^(roles|environments|nodes)\//.test(path),
    // Roles, and the recipes of wrapper cookbooks, which may include the changed cookbook's.
    mayApplyTo: (path) => ROLE_FILE.test(path) || RECIPE.test(path),
    unitFiles(cookbook) {
      if (cookbook === EVERY_COOKBOOK) return (path) => COOKBOOK_CODE.test(path);
      const named = new RegExp(`(^|/)(chef-)?${escapeRegExp(cookbook)}/${COOKBOOK_CODE_FOLDERS}/`);
      return (path) => named.test(path);
    },
  },

  referencesIn: rubyReferences,

  wholeValueName(value) {
    const name = value.name;
    if (!name) return undefined;
    if (value.kind === 'call') return /^(new_resource\.)?[a-z_]\w*$/.test(name) ? name : undefined;
    return /^(node(\.[\w-]+)+|[a-z_]\w*)$/.test(name) ? name : undefined;
  },
};
