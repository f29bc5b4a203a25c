/**
 * Where a change runs, when the repository says so: the hosts, plays, node definitions and
 * roles each changed file reaches. Group and host variables reach their group or host; a role
 * runs in the plays that apply it, for their `hosts:`; a Puppet module in the node definitions
 * that include it, Hiera data in the nodes its hierarchy level names; a cookbook in the Chef
 * roles and nodes whose run lists name its recipes.
 */
import type { FileModel, Unit } from './model.js';

export interface ChangeReach {
  /** the changed file */
  path: string;
  /** what it reaches, one phrase each: "every host of every inventory", "play `Web` in site.yml (hosts: web)" */
  reaches: string[];
  /** it reaches every host the repository manages */
  everyHost: boolean;
}

export interface ReachInputs {
  changed: readonly string[];
  /** the models of the head analysis, changed and unchanged files */
  models: ReadonlyMap<string, FileModel>;
  /** the text of files that are no code Posture analyses but place code on hosts (Chef roles) */
  texts: ReadonlyMap<string, string>;
}

export function blastRadius({ changed, models, texts }: ReachInputs): ChangeReach[] {
  const plays = [...models.values()].flatMap((model) =>
    model.units
      .filter((unit) => unit.kind === 'play' && unit.type === 'play')
      .map((unit) => ({ unit, path: model.path })),
  );
  const reaches: ChangeReach[] = [];
  for (const path of changed) {
    const found = reachOf(path, models.get(path), plays, models, texts);
    if (found.reaches.length > 0) reaches.push({ path, ...found });
  }
  return reaches;
}

interface Play {
  unit: Unit;
  path: string;
}

function reachOf(
  path: string,
  model: FileModel | undefined,
  plays: readonly Play[],
  models: ReadonlyMap<string, FileModel>,
  texts: ReadonlyMap<string, string>,
): Omit<ChangeReach, 'path'> {
  const group = /(?:^|\/)group_vars\/([^/.]+)/.exec(path)?.[1];
  if (group) {
    const using = plays.filter((play) => hostsOf(play.unit).some((host) => host === group));
    const all = group === 'all';
    return {
      everyHost: all,
      reaches: [
        all ? 'every host of every inventory' : `the hosts of group \`${group}\``,
        ...using.map(describePlay),
      ],
    };
  }
  const host = /(?:^|\/)host_vars\/([^/]+?)(\.ya?ml)?(\/|$)/.exec(path)?.[1];
  if (host) return { everyHost: false, reaches: [`host \`${host}\``] };
  const role = /(?:^|\/)roles\/([^/]+)\/(tasks|handlers|defaults|vars|templates|files|meta)\//.exec(
    path,
  )?.[1];
  if (role && model?.language !== 'chef') {
    const using = plays.filter((play) => play.unit.roles?.some((name) => sameRole(name, role)));
    return {
      everyHost: using.some((play) => hostsOf(play.unit).includes('all')),
      reaches: using.map((play) => `role \`${role}\` in ${describePlay(play)}`),
    };
  }
  if (model?.kind === 'playbook') {
    const own = plays.filter((play) => play.path === path);
    return {
      everyHost: own.some((play) => hostsOf(play.unit).includes('all')),
      reaches: own.map(describePlay),
    };
  }
  if (model?.language === 'puppet') return puppetReach(path, models);
  if (model?.language === 'chef') return chefReach(path, texts);
  return { everyHost: false, reaches: [] };
}

/** `hosts: web:db`, `hosts: [web, db]`, `hosts: all` → the patterns, `!` exclusions left out. */
function hostsOf(play: Unit): string[] {
  const hosts = play.keywords.find((keyword) => keyword.name === 'hosts')?.value;
  if (!hosts) return [];
  const texts =
    hosts.kind === 'list'
      ? (hosts.items ?? []).map((item) => String(item.value ?? item.text))
      : [String(hosts.value ?? hosts.text)];
  return texts
    .flatMap((text) => text.split(/[:,]/))
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '' && !pattern.startsWith('!'));
}

function describePlay({ unit, path }: Play): string {
  const hosts = hostsOf(unit).join(', ') || 'no hosts';
  const name = unit.name ? ` \`${unit.name}\`` : '';
  return `play${name} in ${path} (hosts: ${hosts})`;
}

/** A play may name a role by path or by its Galaxy name: `../roles/ssh`, `acme.ssh`. */
function sameRole(written: string, role: string): boolean {
  const last = written.split('/').pop() ?? written;
  return last === role || last.split('.').pop() === role;
}

/** Hiera levels by their folder (`nodes/`, `role/`), modules by the node definitions that include them. */
function puppetReach(
  path: string,
  models: ReadonlyMap<string, FileModel>,
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
  const name = module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `\\b(include|contain|require)\\s+['"]?(::)?${name}(::[\\w:]+)?\\b|class\\s*\\{\\s*['"](::)?${name}(::[\\w:]+)?['"]`,
  ).test(body);
}

/** Chef roles and nodes (JSON or Ruby) whose run lists name a recipe of the cookbook. */
function chefReach(path: string, texts: ReadonlyMap<string, string>): Omit<ChangeReach, 'path'> {
  const cookbook =
    /(?:^|\/)cookbooks\/([^/]+)\//.exec(path)?.[1] ??
    /(?:^|\/)([^/]+)\/(recipes|attributes|templates|files|resources|libraries)\//.exec(path)?.[1];
  if (!cookbook) return { everyHost: false, reaches: [] };
  const name = cookbook.replace(/^chef-/, '');
  const recipe = new RegExp(`recipe\\[(${cookbook}|${name})(::[\\w-]+)?\\]`);
  const reaches: string[] = [];
  for (const [file, text] of texts) {
    const kind = /(?:^|\/)(roles|nodes)\/([^/]+)\.(json|rb)$/.exec(file);
    if (!kind || !recipe.test(text)) continue;
    reaches.push(`${kind[1] === 'roles' ? 'role' : 'node'} \`${kind[2]}\` (${file})`);
  }
  return { everyHost: false, reaches };
}
