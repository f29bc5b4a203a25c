/**
 * Where a changed Ansible file runs: group and host variables reach their group or host; a role
 * runs in the plays that apply it, for their `hosts:`; a playbook in its own plays.
 */
import type { ChangeReach, ReachInputs } from '../language.js';
import type { FileModel, Unit } from '../../model/model.js';

interface Play {
  unit: Unit;
  path: string;
}

const ROLE_FILE = /(?:^|\/)roles\/([^/]+)\/(tasks|handlers|defaults|vars|templates|files|meta)\//;
const playsByRun = new WeakMap<ReachInputs['models'], Play[]>();

export function ansibleReach(
  path: string,
  model: FileModel | undefined,
  { models }: ReachInputs,
): Omit<ChangeReach, 'path'> {
  const plays = playsOf(models);
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
  const role = ROLE_FILE.exec(path)?.[1];
  if (role) {
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
  return { everyHost: false, reaches: [] };
}

/** The plays of a run, gathered once for all its changed files. */
function playsOf(models: ReachInputs['models']): Play[] {
  let plays = playsByRun.get(models);
  if (!plays) {
    plays = [...models.values()].flatMap((model) =>
      model.units
        .filter((unit) => unit.kind === 'play' && unit.type === 'play')
        .map((unit) => ({ unit, path: model.path })),
    );
    playsByRun.set(models, plays);
  }
  return plays;
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
