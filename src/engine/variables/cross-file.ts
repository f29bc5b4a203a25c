/**
 * What one analysis run knows across its files: the variable definitions that reach each file,
 * and the reports waiting for the files those definitions are in.
 *
 * The files that define variables for others (role defaults and vars, group and host vars,
 * Hiera data, cookbook attributes: small files) are read first, into the index, and so are the
 * files that give values to the units they apply (a play's roles, a class declaration's class, a
 * Chef role's cookbooks), and the files that register what they find on hosts under names later
 * conditions test (Ansible's `register:`), so that every file is judged knowing them all. Then
 * every file is analysed once, the definition and applying files last, so that the rules
 * of the files that use a variable have reported on its definition by the time the definition's
 * file is analysed.
 *
 * A template rendered in the scope of a class reads that class's parameter defaults (Puppet's
 * `template()` in class `ssh::server`): the class's manifest is read first too, and the
 * template is analysed before it, for the same reason.
 */
import type { SourceFile } from '../source-file.js';
import { isTooLarge } from '../file-size.js';
import type { FileModel, FlagWays, Language } from '../../model/model.js';
import { parseFile } from '../../languages/parse-file.js';
import { definesForOthers, mayApplyValues } from './definitions.js';
import { DeferredReports } from './deferred-reports.js';
import { IncludedUnder } from './included-under.js';
import { Places } from '../../languages/places.js';
import { descriptorOf, DESCRIPTORS } from '../../languages/index.js';
import { VariableIndex, type VariableResolver } from './variable-index.js';

export class CrossFile {
  readonly deferred = new DeferredReports();

  private constructor(
    private readonly variables: VariableIndex,
    private readonly order: readonly SourceFile[],
    /** the models the index was built from, each handed once to the file's own analysis */
    private readonly parsed: Map<SourceFile, { language: Language; model: FileModel }>,
    /** the lines of each definition file, which rules quote where they judge its values */
    private readonly definitionLines: ReadonlyMap<string, string[]> = new Map(),
    private readonly includedUnder: IncludedUnder = new IncludedUnder(),
    /** the names the run's code registers host findings under, by language */
    private readonly registered: ReadonlyMap<Language, ReadonlySet<string>> = new Map(),
  ) {}

  /**
   * Indexes the definition files among `files`; `languageOf` is the language the run reads a
   * file in. `adopt` reads a file the run left alone in a language, because a file of that
   * language names it (a play's `vars_files:`); it answers the language the run now reads it in,
   * or undefined when the policy keeps it out.
   */
  static prepare(
    files: readonly SourceFile[],
    languageOf: (file: SourceFile) => Language | undefined,
    adopt: (file: SourceFile, language: Language) => Language | undefined = () => undefined,
  ): CrossFile {
    const read = files.map((file) => ({ file, language: languageOf(file) }));
    const variables = new VariableIndex(
      new Places(read.filter(({ language }) => language).map(({ file }) => file.path)),
      languagesReplacingDicts(files),
    );
    const defining = read.filter(
      ({ file, language }) => language && definesForOthers(file.path, language),
    );
    const applying = read.filter(
      ({ file, language }) =>
        language &&
        !definesForOthers(file.path, language) &&
        mayApplyValues(file.path, file.content, language),
    );
    const readAhead = new Set([...defining, ...applying].map(({ file }) => file));
    const registering = read.filter(
      ({ file, language }) =>
        language && !file.deployment && !readAhead.has(file) && mayRegister(file, language),
    );
    const parsed = new Map<SourceFile, { language: Language; model: FileModel }>();
    const definitionLines = new Map<string, string[]>();
    const includedUnder = new IncludedUnder();
    const indexed = parseAhead([...defining, ...applying], parsed);
    const registered = registeredNames([...indexed, ...parseAhead(registering, parsed)]);
    for (const model of indexed) {
      variables.add(model);
      includedUnder.add(model, registered.get(model.language));
      if (definesForOthers(model.path, model.language))
        definitionLines.set(model.path, model.lines);
    }
    const given = indexGivenFiles(read, applying, variables, parsed, adopt);
    const rendered = indexRenderers(read, variables, parsed);
    const definitionFiles = new Set(defining.map(({ file }) => file));
    const applyingFiles = new Set([...applying.map(({ file }) => file), ...given]);
    const renderedFirst = new Set(rendered);
    // Files that apply units with values come after the units' files, which report on their
    // values, and before the definition files, which their own rules may report on.
    const order = [
      ...renderedFirst,
      ...files.filter(
        (file) =>
          !definitionFiles.has(file) && !applyingFiles.has(file) && !renderedFirst.has(file),
      ),
      ...[...applyingFiles].filter((file) => !renderedFirst.has(file)),
      ...definitionFiles,
    ];
    return new CrossFile(variables, order, parsed, definitionLines, includedUnder, registered);
  }

  /** What a run of one file knows: the variables that file defines for itself. */
  static alone(): CrossFile {
    return new CrossFile(
      new VariableIndex(new Places([]), languagesReplacingDicts([])),
      [],
      new Map(),
    );
  }

  /**
   * The model of a definition file the index already parsed in `language`, handed over once so
   * that its own analysis does not parse it again (and the run does not keep it afterwards).
   */
  takeParsed(file: SourceFile, language: Language): FileModel | undefined {
    const entry = this.parsed.get(file);
    if (entry?.language !== language) return undefined;
    this.parsed.delete(file);
    return entry.model;
  }

  /** The files in the order to analyse them: the files that define variables for others last. */
  analysisOrder(): readonly SourceFile[] {
    return this.order;
  }

  /** The lines of a definition file of the run; undefined for other files. */
  linesOf(path: string): string[] | undefined {
    return this.definitionLines.get(path);
  }

  /**
   * What the flags must answer for the file to run, one list per way the run includes or
   * renders it under conditions; undefined where it always runs (see `IncludedUnder`).
   */
  runsUnder(path: string): FlagWays | undefined {
    return this.includedUnder.of(path);
  }

  /**
   * The names any file of the run registers what it finds on a host under, in the language of
   * `model` (see `LanguageDescriptor.registers`); undefined where the run knows of none.
   */
  registeredFor(model: FileModel): ReadonlySet<string> | undefined {
    return this.registered.get(model.language);
  }

  resolverFor(model: FileModel): VariableResolver {
    return this.variables.resolverFor(model);
  }

  /** Names as a unit the file applies reads them, when the run lacks its code (see `VariableIndex`). */
  absentUnitResolver(model: FileModel, unit: string): VariableResolver | undefined {
    return this.variables.absentUnitResolver(model, unit);
  }
}

/**
 * Indexes the files that applying files give whole to the units they apply (a play's
 * `vars_files:`), parsing each (once) ahead of its analysis, and adopting into the language of
 * the file that names it one the run left alone. Returns those files: like the files that apply
 * them, they are analysed after the units' files, which report on their values.
 */
function indexGivenFiles(
  read: ReadonlyArray<{ file: SourceFile; language: Language | undefined }>,
  applying: ReadonlyArray<{ file: SourceFile; language: Language | undefined }>,
  variables: VariableIndex,
  parsed: Map<SourceFile, { language: Language; model: FileModel }>,
  adopt: (file: SourceFile, language: Language) => Language | undefined,
): SourceFile[] {
  const byPath = new Map(read.map((entry) => [entry.file.path, entry]));
  const given: SourceFile[] = [];
  for (const { file, language } of applying) {
    const applier = parsed.get(file)?.model;
    const givenFiles = language && descriptorOf(language).variables.applied?.givenFiles;
    if (!applier || !givenFiles) continue;
    for (const { path, application } of givenFiles.of(applier)) {
      const target = byPath.get(path);
      // A definition file reaches the units by its folder already.
      if (!target || definesForOthers(path, language)) continue;
      // A file no language claims (`env/prod.yml`) is the play's vars file, read as its language.
      if (target.language === undefined) target.language = adopt(target.file, language);
      if (target.language !== language) continue;
      let model = parsed.get(target.file)?.model;
      if (!model) {
        model = parseSafely(target.file, language);
        if (!model) continue;
        if (!target.file.deployment) parsed.set(target.file, { language, model });
      }
      variables.addGivenFile(model, application, applier);
      given.push(target.file);
    }
  }
  return given;
}

/**
 * Indexes, for each template the code renders in a scope, the parameter defaults of the file
 * that defines the scope, parsing that file (once) ahead of its analysis. Returns the templates.
 */
function indexRenderers(
  read: ReadonlyArray<{ file: SourceFile; language: Language | undefined }>,
  variables: VariableIndex,
  parsed: Map<SourceFile, { language: Language; model: FileModel }>,
): SourceFile[] {
  const byPath = new Map(read.map((entry) => [entry.file.path, entry]));
  const rendered: SourceFile[] = [];
  for (const { file, language } of read) {
    const { scope, renderedBy } = file.deployment ?? {};
    const renderer = renderedBy === undefined ? undefined : byPath.get(renderedBy);
    if (!language || !scope || !renderer?.language) continue;
    let model = parsed.get(renderer.file)?.model;
    if (!model) {
      model = parseSafely(renderer.file, renderer.language);
      if (!model) continue;
      if (!renderer.file.deployment)
        parsed.set(renderer.file, { language: renderer.language, model });
    }
    variables.addRendering(file.path, scope, model);
    rendered.push(file);
  }
  return rendered;
}

/**
 * The languages whose dicts a higher precedence replaces whole in a run of `files`: those that
 * do so, unless a settings file of the run says the project merges them (`hash_behaviour`).
 */
function languagesReplacingDicts(files: readonly SourceFile[]): Set<Language> {
  const replacing = new Set<Language>();
  for (const { id, variables } of DESCRIPTORS) {
    const dicts = variables.replacedDicts;
    const merged = (file: SourceFile) =>
      dicts !== undefined && dicts.settingsFile.test(file.path) && dicts.mergedBy(file.content);
    if (dicts && !files.some(merged)) replacing.add(id);
  }
  return replacing;
}

/**
 * Parses files ahead of their analysis, keeping each model (but a deployed file's, which its
 * analysis reads by its destination) for that analysis; answers the models.
 */
function parseAhead(
  entries: ReadonlyArray<{ file: SourceFile; language: Language | undefined }>,
  parsed: Map<SourceFile, { language: Language; model: FileModel }>,
): FileModel[] {
  const models: FileModel[] = [];
  for (const { file, language } of entries) {
    const model = language && parseSafely(file, language);
    if (!model) continue;
    models.push(model);
    if (!file.deployment) parsed.set(file, { language, model });
  }
  return models;
}

/** Whether a file's text may register host findings under names (`LanguageDescriptor.registers`). */
function mayRegister(file: SourceFile, language: Language): boolean {
  return descriptorOf(language).registers?.mayRegister.test(file.content) === true;
}

/** The names the models' code registers host findings under, by language. */
function registeredNames(models: readonly FileModel[]): Map<Language, ReadonlySet<string>> {
  const byLanguage = new Map<Language, Set<string>>();
  for (const model of models) {
    const names = descriptorOf(model.language).registers?.namesIn(model);
    if (!names || names.size === 0) continue;
    let all = byLanguage.get(model.language);
    if (!all) byLanguage.set(model.language, (all = new Set()));
    for (const name of names) all.add(name);
  }
  return byLanguage;
}

/** A file too large or that does not parse defines nothing; its own analysis reports why. */
function parseSafely(file: SourceFile, language: Language): FileModel | undefined {
  if (isTooLarge(Buffer.byteLength(file.content, 'utf8'))) return undefined;
  try {
    const parsed = parseFile(file.path, file.content, language);
    return parsed.ok ? parsed.model : undefined;
  } catch {
    return undefined;
  }
}
