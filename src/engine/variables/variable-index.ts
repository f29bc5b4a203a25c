/**
 * The variable definitions of one analysis run, by name: what the definition files (role
 * defaults and vars, group and host vars, Hiera data, cookbook attributes) give the files they
 * reach. Only definitions are kept, never whole models, and maps are left out (their keys are
 * definitions of their own). A file asks through its `VariableResolver`, which adds the
 * definitions the file gives itself and follows a variable defined as another
 * (`selinux_state: "{{ hardening_selinux }}"`) to the line that sets the value.
 */
import type { Application, FileModel, Language } from '../../model/model.js';
import type { VariableDefinition } from '../../model/definition.js';
import {
  givenFileDefinitions,
  ownDefinitions,
  sharedDefinitions,
  type GivingScope,
  type OwnDefinition,
  type PlacedDefinition,
} from './definitions.js';
import { contains, type Places } from '../../languages/places.js';
import { wholeReference } from '../../languages/references.js';
import { descriptorOf } from '../../languages/index.js';
import { addTo } from '../../shared/add-to.js';
import type { ReplacedDicts } from '../../languages/language.js';

/** How many variables defined as other variables are followed before giving up. */
const MAX_CHAIN = 5;

export interface VariableResolver {
  /**
   * The definitions that give `name` its value where the file reads it: those of the highest
   * precedence that reach the file, each followed to the line that sets a value. Empty when
   * nothing in the run defines it.
   */
  resolve(name: string): readonly VariableDefinition[];
  /**
   * The names defined below `prefix` (`profile::repos::repos::` finds
   * `profile::repos::repos::internal::sslverify`) that the file may read, sorted.
   */
  namesUnder(prefix: string): readonly string[];
}

export class VariableIndex {
  /** by language, then by name */
  private readonly shared = new Map<Language, Map<string, PlacedDefinition[]>>();
  /** by template path, then by name: the definitions of the scope that renders it */
  private readonly renderedIn = new Map<string, Map<string, OwnDefinition[]>>();
  /** the definitions of each file that renders templates, read once however many it renders */
  private readonly rendererDefinitions = new WeakMap<FileModel, readonly OwnDefinition[]>();
  /**
   * by path, the definitions a file gives itself, for the files that give units values read
   * where they are given (a Puppet profile's `class { 'ssh': port => $port }`)
   */
  private readonly givingFiles = new Map<string, readonly OwnDefinition[]>();
  /** `sortedNames`, worked out once the index is complete; adding a definition forgets it */
  private readonly sortedByLanguage = new Map<Language, readonly string[]>();
  /**
   * by language, then by variable: the definitions of the keys of a dict variable (`ssh.port`
   * under `ssh`), for the languages whose dicts a higher precedence replaces whole
   */
  private readonly dictKeys = new Map<Language, Map<string, PlacedDefinition[]>>();

  /**
   * `dictsReplaced`: the languages whose dicts a higher precedence replaces whole in this run
   * (see `VariableReading.replacedDicts`).
   */
  constructor(
    private readonly places: Places,
    private readonly dictsReplaced: ReadonlySet<Language> = new Set(),
  ) {}

  add(model: FileModel): void {
    const placed = sharedDefinitions(model, this.places);
    if (placed.some((definition) => definition.readIn?.path === model.path))
      this.givingFiles.set(model.path, ownDefinitions(model));
    this.place(model.language, placed);
  }

  /**
   * The values of `model`, a file that `applier` gives whole to the units it applies (a play's
   * `vars_files:`), placed as `applier` places its own.
   */
  addGivenFile(model: FileModel, application: Application, applier: FileModel): void {
    const { tree } = this.places.of(applier.path, applier.language);
    this.place(model.language, givenFileDefinitions(model, application, applier.path, tree));
  }

  private place(language: Language, definitions: readonly PlacedDefinition[]): void {
    this.sortedByLanguage.delete(language);
    let byName = this.shared.get(language);
    if (!byName) this.shared.set(language, (byName = new Map<string, PlacedDefinition[]>()));
    for (const placed of definitions) {
      addTo(byName, placed.definition.name, placed);
    }
    const replacing = this.replacingDicts(language);
    if (!replacing) return;
    let byVariable = this.dictKeys.get(language);
    if (!byVariable)
      this.dictKeys.set(language, (byVariable = new Map<string, PlacedDefinition[]>()));
    for (const placed of definitions) {
      const variable = dictVariableOf(placed.definition.name);
      if (variable === undefined || !replacing.replacesEverywhere(placed.definition)) continue;
      addTo(byVariable, variable, placed);
    }
  }

  /**
   * What a template reads from the scope its code renders it in (a Puppet class that calls
   * `template()`): the parameter defaults and the variables that scope's file gives it, under
   * the names that qualify them with the scope (`ssh::server::port`), each at its own level: a
   * parameter default below Hiera, a variable the class sets above it.
   */
  addRendering(template: string, scope: string, renderer: FileModel): void {
    let byName = this.renderedIn.get(template);
    if (!byName) this.renderedIn.set(template, (byName = new Map<string, OwnDefinition[]>()));
    let definitions = this.rendererDefinitions.get(renderer);
    if (!definitions)
      this.rendererDefinitions.set(renderer, (definitions = ownDefinitions(renderer)));
    for (const own of definitions) {
      if (own.owner !== scope) continue;
      for (const alias of own.aliases) {
        addTo(byName, alias, own);
      }
    }
  }

  /** What a template reads from the scope that renders it, by name; undefined for other files. */
  fromRenderer(template: string): ReadonlyMap<string, readonly OwnDefinition[]> | undefined {
    return this.renderedIn.get(template);
  }

  /** Every name a language's definitions are placed under, sorted, for the questions by prefix. */
  sortedNames(language: Language): readonly string[] {
    let names = this.sortedByLanguage.get(language);
    if (!names) {
      names = [...(this.shared.get(language)?.keys() ?? [])].sort();
      this.sortedByLanguage.set(language, names);
    }
    return names;
  }

  /** The definitions of `name` in a language that reach `path`, with their levels. */
  reaching(language: Language, name: string, path: string): readonly PlacedDefinition[] {
    return reachingPath(this.shared.get(language)?.get(name), path);
  }

  /** How a higher precedence replaces a dict of the language whole; undefined where this run merges them. */
  replacingDicts(language: Language): ReplacedDicts | undefined {
    return this.dictsReplaced.has(language)
      ? descriptorOf(language).variables.replacedDicts
      : undefined;
  }

  /**
   * The definitions of keys of the dict `variable` that reach `path` (`ssh.port` for `ssh`),
   * in a language whose dicts are replaced whole; none in others.
   */
  reachingDictKeys(
    language: Language,
    variable: string,
    path: string,
  ): readonly PlacedDefinition[] {
    return reachingPath(this.dictKeys.get(language)?.get(variable), path);
  }

  resolverFor(model: FileModel): VariableResolver {
    return new FileResolver(this, model.language, model.path, ownDefinitions(model));
  }

  /**
   * Names as a unit that `model` applies reads them (a role a play lists) when the run does not
   * hold that unit's code (a role installed from Galaxy): the values the file and the others
   * give that unit, and those of the tree around it. Undefined when the unit's code is in the
   * run, whose own files then say what it reads, or when its folder cannot be known.
   */
  absentUnitResolver(model: FileModel, unit: string): VariableResolver | undefined {
    const applied = descriptorOf(model.language).variables.applied;
    const { tree } = this.places.of(model.path, model.language);
    const folder = applied?.unitFolder(unit, tree);
    if (folder === undefined || this.places.anyWithin(folder)) return undefined;
    return new FileResolver(this, model.language, `${folder}/tasks/main.yml`, []);
  }

  /**
   * Names as the file that gives a value reads them (the profile around a class declaration),
   * for the values it gives that are read where they are given; undefined for other files.
   */
  givingFile(language: Language, path: string): FileResolver | undefined {
    const own = this.givingFiles.get(path);
    return own ? new FileResolver(this, language, path, own) : undefined;
  }
}

/** How high a dict is set (see `FileResolver.dictLevels`). */
interface DictLevels {
  plain: number;
  byApplication: Map<string, number>;
}

interface Candidate {
  definition: VariableDefinition;
  level: number;
  application?: string;
  readIn?: GivingScope;
}

class FileResolver implements VariableResolver {
  private readonly own = new Map<string, OwnDefinition[]>();
  /** the file's own definitions of dict keys, by variable, for `withoutReplacedKeys` */
  private readonly ownDictKeys = new Map<string, OwnDefinition[]>();
  private readonly dictLevelsByVariable = new Map<string, DictLevels>();
  private readonly cache = new Map<string, readonly VariableDefinition[]>();
  private readonly rendering: ReadonlyMap<string, readonly OwnDefinition[]> | undefined;
  /** the files that give this one values, as they read names */
  private readonly givers = new Map<string, FileResolver | undefined>();

  constructor(
    private readonly index: VariableIndex,
    private readonly language: Language,
    private readonly path: string,
    ownDefinitions: readonly OwnDefinition[],
  ) {
    this.rendering = index.fromRenderer(path);
    const replacing = index.replacingDicts(language);
    for (const own of ownDefinitions) {
      for (const name of [own.definition.name, ...own.aliases]) {
        addTo(this.own, name, own);
      }
      const variable = dictVariableOf(own.definition.name);
      if (variable === undefined || !replacing?.replacesEverywhere(own.definition)) continue;
      addTo(this.ownDictKeys, variable, own);
    }
  }

  resolve(name: string): readonly VariableDefinition[] {
    let resolved = this.cache.get(name);
    if (!resolved) this.cache.set(name, (resolved = this.follow(name, [])));
    return resolved;
  }

  namesUnder(prefix: string): readonly string[] {
    const names = new Set(namesStartingWith(this.index.sortedNames(this.language), prefix));
    for (const name of this.own.keys()) if (name.startsWith(prefix)) names.add(name);
    return [...names].sort();
  }

  /**
   * The definitions of `name`, followed; `sharedOnly` leaves out the file's own, for a value
   * that reads the name it is itself known by (`$mode = lookup('profile::lab::mode')` in class
   * `profile::lab` reads the Hiera key, not itself).
   */
  private follow(name: string, via: readonly string[], sharedOnly = false): VariableDefinition[] {
    const resolved: VariableDefinition[] = [];
    const seen = new Set<string>();
    const candidates = sharedOnly
      ? this.index.reaching(this.language, name, this.path)
      : this.candidates(name);
    for (const candidate of strongest(this.withoutReplacedKeys(name, candidates))) {
      const { definition } = candidate;
      const key = `${definition.path}:${definition.range.line}:${definition.range.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      resolved.push(...this.followValue(candidate, [...via, name]));
    }
    return resolved;
  }

  /**
   * A definition whose value is another variable leads to that variable's definitions: as this
   * file reads names, or, for a value read where it is given, as the file that gives it does.
   */
  private followValue(
    { definition, readIn }: Candidate,
    via: readonly string[],
  ): VariableDefinition[] {
    const only = wholeReference(definition.value, this.language);
    const next = only?.name;
    if (next && via.length < MAX_CHAIN && !via.includes(next)) {
      // `a | default(b)` reads `b` where nothing defines `a`.
      for (const name of [next, ...(only?.fallbackNames ?? [])]) {
        if (via.includes(name)) continue;
        const deeper = readIn ? this.followWhereGiven(name, readIn, via) : this.follow(name, via);
        if (deeper.length > 0) return deeper;
      }
    } else if (
      next !== undefined &&
      next === via.at(-1) &&
      !readIn &&
      definition.value.kind === 'call' &&
      definition.path === this.path
    ) {
      // A variable of the file that looks up the key it is itself known by reads that key.
      const deeper = this.follow(next, via.slice(0, -1), true);
      if (deeper.length > 0) return deeper;
    }
    return [via.length > 1 ? { ...definition, via: via.slice(0, -1) } : definition];
  }

  /** `name` as the scope that gives a value reads it: its own variable first, then the name alone. */
  private followWhereGiven(
    name: string,
    { path, scope }: GivingScope,
    via: readonly string[],
  ): VariableDefinition[] {
    if (!this.givers.has(path)) this.givers.set(path, this.index.givingFile(this.language, path));
    const giver = this.givers.get(path);
    if (!giver) return [];
    if (scope && !name.includes('::')) {
      const scoped = giver.follow(`${scope}::${name}`, via);
      if (scoped.length > 0) return scoped;
    }
    return giver.follow(name, via);
  }

  /**
   * The candidates for a dict's key whose dict is not replaced in their run: a dict set at a
   * higher level replaces a lower one whole where the language says so, so that a key only the
   * lower one sets is not read (`ssh.permit_root` from role defaults, where group vars set
   * `ssh.port`). A value given where the unit is applied replaces only in that application's run.
   */
  private withoutReplacedKeys(
    name: string,
    candidates: readonly Candidate[],
  ): readonly Candidate[] {
    const variable = dictVariableOf(name);
    if (variable === undefined || candidates.length === 0) return candidates;
    if (!this.index.replacingDicts(this.language)) return candidates;
    const { plain, byApplication } = this.dictLevels(variable);
    return candidates.filter((candidate) => {
      const given = candidate.application && byApplication.get(candidate.application);
      return Math.max(plain, given || -Infinity) <= candidate.level;
    });
  }

  /**
   * The highest level the dict `variable` is set at for the file, in every run (`plain`) and in
   * each application's own run; worked out once for all of its keys.
   */
  private dictLevels(variable: string): DictLevels {
    let levels = this.dictLevelsByVariable.get(variable);
    if (levels) return levels;
    levels = { plain: -Infinity, byApplication: new Map() };
    const setters: readonly Candidate[] = [
      ...(this.ownDictKeys.get(variable) ?? []),
      ...this.index.reachingDictKeys(this.language, variable, this.path),
    ];
    for (const { level, application } of setters) {
      if (application === undefined) levels.plain = Math.max(levels.plain, level);
      else
        levels.byApplication.set(
          application,
          Math.max(levels.byApplication.get(application) ?? -Infinity, level),
        );
    }
    this.dictLevelsByVariable.set(variable, levels);
    return levels;
  }

  /**
   * Own definitions, definitions that reach the file, those of the scope that renders it (for a
   * template), and Hiera keys of its own parameters.
   */
  private candidates(name: string): Candidate[] {
    const own = this.own.get(name) ?? [];
    const { language, path } = this;
    const candidates: Candidate[] = [
      ...own,
      ...this.index.reaching(language, name, path),
      ...(this.rendering?.get(name) ?? []),
    ];
    for (const { definition, aliases } of own) {
      if (definition.origin !== 'parameter-default') continue;
      for (const alias of aliases) candidates.push(...this.index.reaching(language, alias, path));
    }
    return candidates;
  }
}

/**
 * The definitions that win somewhere. Without values given where the unit is applied, those of
 * the highest level. A unit applied with values (a play's role with parameters) runs once with
 * each application's values over the others, and may run where nothing gives it any (another
 * playbook, another project): the winners of each of those runs, the plain one first.
 */
function strongest(candidates: readonly Candidate[]): Candidate[] {
  const plain = candidates.filter((candidate) => candidate.application === undefined);
  const plainTop = topLevel(plain);
  const winners = plain.filter((candidate) => candidate.level === plainTop);
  const applications = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.application === undefined) continue;
    const given = applications.get(candidate.application);
    if (given) given.push(candidate);
    else applications.set(candidate.application, [candidate]);
  }
  for (const given of applications.values()) {
    const top = topLevel(given);
    if (top >= plainTop) winners.push(...given.filter((candidate) => candidate.level === top));
  }
  return winners;
}

/** The definitions among `placed` that reach `path`. */
function reachingPath(
  placed: readonly PlacedDefinition[] | undefined,
  path: string,
): readonly PlacedDefinition[] {
  return (placed ?? []).filter(
    (definition) => definition.reach === path || contains(definition.reach, path),
  );
}

/** The variable a dict key's name starts with (`ssh` for `ssh.port`); undefined for a plain name. */
function dictVariableOf(name: string): string | undefined {
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : undefined;
}

function topLevel(candidates: readonly Candidate[]): number {
  return Math.max(...candidates.map((candidate) => candidate.level));
}

/** The names of a sorted list that start with `prefix`: a run of the list, found by halving. */
function namesStartingWith(sorted: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let index = low; index < sorted.length; index++) {
    const name = sorted[index] as string;
    if (!name.startsWith(prefix)) break;
    found.push(name);
  }
  return found;
}
