/**
 * Chef roles, environments and nodes (`roles/web.json`, `environments/prod.rb`,
 * `nodes/web1.json`): the node attributes they set, at the precedence levels they set them
 * (`default_attributes` and `override_attributes` of a role or environment, a node's `normal`),
 * given to the cookbooks of their run list. A role with no run list (an environment) gives its
 * attributes to every cookbook. JSON is read with the YAML reader, which gives every node its
 * position; Ruby roles are read by the cookbook parser, which hands their calls here.
 */
import type { Application, Value, Variable } from '../../model/model.js';
import type { ParseOutcome } from '../../model/parse-outcome.js';
import { parseDataFile } from '../yaml/data-file.js';
import { callArguments, field, type SyntaxIndex } from './syntax.js';
import type { RubyValues } from './values.js';

const JSON_FILE = /\.json$/i;
/** What only a Chef role, environment or node written as JSON holds. */
const CHEF_JSON = /"(run_list|default_attributes|override_attributes|chef_type|json_class)"\s*:/;

/**
 * The unit name that stands for every cookbook of the run: an environment's attributes reach
 * them all, and so may those of a role whose run list names another role.
 */
export const EVERY_COOKBOOK = '*';

/** The attribute sections of these files, ranked as node attribute precedence levels. */
const SECTIONS = new Map([
  ['default_attributes', 0],
  ['default', 0],
  ['normal', 2],
  ['override_attributes', 3],
  ['override', 3],
]);

/** Whether a role file's text is Chef's: any Ruby there, JSON that names Chef's keys. */
export function isChefRoleText(path: string, content: string): boolean {
  return !JSON_FILE.test(path) || CHEF_JSON.test(content);
}

export function parseRoleJson(path: string, source: string): ParseOutcome {
  // Chef reads the JSON as it is: no value computes anything.
  return parseDataFile(path, source, {
    language: 'chef',
    isDynamic: () => false,
    flatten: (value, _path, into) => {
      const sections = new Map((value.entries ?? []).map((entry) => [entry.name, entry.value]));
      into.push(...roleVariables(sections));
    },
  });
}

/** The sections a Ruby role sets by calling them: `run_list 'recipe[ssh]'`, `default_attributes(...)`. */
export function rubyRoleSections(index: SyntaxIndex, values: RubyValues): Map<string, Value> {
  const sections = new Map<string, Value>();
  for (const call of index.of('call')) {
    const method = field(call, 'method')?.text;
    if (!method || field(call, 'receiver') || field(call, 'block')) continue;
    if (!SECTIONS.has(method) && method !== 'run_list' && method !== 'env_run_lists') continue;
    const value = values.argumentsValue(callArguments(call));
    if (value) sections.set(method, value);
  }
  return sections;
}

/**
 * The attributes a role's sections set, each given to the cookbooks of its run list, by the
 * section's name: `run_list` (or an environment's `env_run_lists`), and the attribute sections.
 */
export function roleVariables(sections: ReadonlyMap<string, Value>): Variable[] {
  const appliesTo: Application = {
    units: runListCookbooks(sections),
    asParameters: true,
    line: 1,
  };
  const variables: Variable[] = [];
  for (const [section, value] of sections) {
    const precedence = SECTIONS.get(section);
    if (precedence !== undefined) flatten(value, [], precedence, appliesTo, variables);
  }
  return variables;
}

/**
 * `recipe[ssh::server]` and `ssh::server` name the cookbook `ssh`. `role[base]` runs the
 * cookbooks of another role, which only that role's file names: any cookbook may be among them.
 */
function runListCookbooks(sections: ReadonlyMap<string, Value>): string[] {
  const lists: Value[] = [];
  const runList = sections.get('run_list');
  if (runList) lists.push(runList);
  for (const environment of sections.get('env_run_lists')?.entries ?? [])
    lists.push(environment.value);
  // A run list of one item, written in Ruby, is that item.
  const entries = lists.flatMap((list) => (list.kind === 'list' ? (list.items ?? []) : [list]));
  const cookbooks = new Set<string>();
  for (const entry of entries) {
    if (typeof entry.value !== 'string') continue;
    const item = entry.value.trim();
    if (item.startsWith('role[')) {
      cookbooks.add(EVERY_COOKBOOK);
      continue;
    }
    const cookbook = cookbookOf(/^recipe\[([^\]]+)\]$/.exec(item)?.[1] ?? item);
    if (cookbook) cookbooks.add(cookbook);
  }
  return cookbooks.size > 0 ? [...cookbooks] : [EVERY_COOKBOOK];
}

/** The cookbook of a recipe as code names it: `ssh::server`, `ssh`, `nginx@1.2.0`. */
export function cookbookOf(recipe: string): string | undefined {
  const cookbook = recipe.split('::')[0]?.split('@')[0];
  return cookbook && /^[\w.-]+$/.test(cookbook) ? cookbook : undefined;
}

function flatten(
  value: Value,
  path: string[],
  precedence: number,
  appliesTo: Application,
  into: Variable[],
): void {
  for (const entry of value.kind === 'map' ? (value.entries ?? []) : []) {
    const entryPath = [...path, entry.name];
    into.push({
      name: entry.name,
      path: entryPath,
      value: entry.value,
      scope: 'attribute',
      range: entry.range,
      ...(precedence > 0 ? { precedence } : {}),
      appliesTo,
    });
    flatten(entry.value, entryPath, precedence, appliesTo, into);
  }
}
