/**
 * Where a changed Puppet file runs: Hiera data in the nodes its hierarchy level names, a module
 * in the node definitions that include it.
 */
import type { ChangeReach, ReachInputs } from '../language.js';
import type { FileModel } from '../../model/model.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';

/** Hiera levels by their folder (`nodes/`, `role/`), modules by the node definitions that include them. */
export function puppetReach(
  path: string,
  _model: FileModel | undefined,
  { models }: ReachInputs,
): Omit<ChangeReach, 'path'> {
  const level =
    /(?:^|\/)(?:hiera)?data\/(?:(nodes?|roles?|environments?|os|location)\/)?([^/]+)\.ya?ml$/i.exec(
      path,
    );
  if (level) {
    const [, folder, name = ''] = level;
    if (!folder)
      return name === 'common'
        ? { everyHost: true, reaches: ['every node whose Hiera hierarchy reads `common`'] }
        : { everyHost: false, reaches: [] };
    const kind = folder.replace(/s$/, '');
    return { everyHost: false, reaches: [`the nodes of ${kind} \`${name}\``] };
  }
  const module = /(?:^|\/)(?:modules|site|site-modules|dist)\/([^/]+)\//.exec(path)?.[1];
  if (!module) return { everyHost: false, reaches: [] };
  const nodes: string[] = [];
  for (const model of models.values()) {
    if (model.language !== 'puppet') continue;
    for (const node of nodeDefinitions(model.lines.join('\n')))
      if (includesClass(node.body, module)) nodes.push(`node ${node.names} in ${model.path}`);
  }
  return { everyHost: nodes.some((node) => node.startsWith('node default ')), reaches: nodes };
}

/** `node 'web1', /^db/ { ... }` blocks, their bodies found by counting braces. */
function nodeDefinitions(source: string): Array<{ names: string; body: string }> {
  const found: Array<{ names: string; body: string }> = [];
  const start = /^\s*node\s+([^{]+)\{/gm;
  for (const match of source.matchAll(start)) {
    const open = (match.index ?? 0) + match[0].length;
    let depth = 1;
    let index = open;
    while (index < source.length && depth > 0) {
      const char = source[index];
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      index += 1;
    }
    found.push({ names: (match[1] ?? '').trim(), body: source.slice(open, index) });
  }
  return found;
}

function includesClass(body: string, module: string): boolean {
  const name = escapeRegExp(module);
  return new RegExp(
    `\\b(include|contain|require)\\s+['"]?(::)?${name}(::[\\w:]+)?\\b|class\\s*\\{\\s*['"](::)?${name}(::[\\w:]+)?['"]`,
  ).test(body);
}
