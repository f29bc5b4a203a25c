/**
 * What one analysis run knows across its files: the variable definitions that reach each file,
 * and the reports waiting for the files those definitions are in.
 *
 * The files that define variables for others (role defaults and vars, group and host vars,
 * Hiera data, cookbook attributes: small files) are read first, into the index. Then every
 * file is analysed once, those files last, so that the rules of the files that use a variable
 * have reported on its definition by the time the definition's file is analysed.
 */
import type { SourceFile } from '../source-file.js';
import { isTooLarge } from '../file-size.js';
import type { FileModel, Language } from '../../model/model.js';
import { parseFile } from '../../languages/parse-file.js';
import { definesForOthers } from './definitions.js';
import { DeferredReports } from './deferred-reports.js';
import { Places } from '../../languages/places.js';
import { VariableIndex, type VariableResolver } from './variable-index.js';

export class CrossFile {
  readonly deferred = new DeferredReports();

  private constructor(
    private readonly variables: VariableIndex,
    private readonly order: readonly SourceFile[],
    /** the models the index was built from, each handed once to the file's own analysis */
    private readonly parsed: Map<SourceFile, { language: Language; model: FileModel }>,
  ) {}

  /** Indexes the definition files among `files`; `languageOf` is the language the run reads a file in. */
  static prepare(
    files: readonly SourceFile[],
    languageOf: (file: SourceFile) => Language | undefined,
  ): CrossFile {
    const read = files.map((file) => ({ file, language: languageOf(file) }));
    const variables = new VariableIndex(
      new Places(read.filter(({ language }) => language).map(({ file }) => file.path)),
    );
    const defining = read.filter(
      ({ file, language }) => language && definesForOthers(file.path, language),
    );
    const parsed = new Map<SourceFile, { language: Language; model: FileModel }>();
    for (const { file, language } of defining) {
      if (!language || isTooLarge(Buffer.byteLength(file.content, 'utf8'))) continue;
      const model = parseSafely(file, language);
      if (!model) continue;
      variables.add(model);
      if (!file.deployment) parsed.set(file, { language, model });
    }
    const definitionFiles = new Set(defining.map(({ file }) => file));
    const order = [...files.filter((file) => !definitionFiles.has(file)), ...definitionFiles];
    return new CrossFile(variables, order, parsed);
  }

  /** What a run of one file knows: the variables that file defines for itself. */
  static alone(): CrossFile {
    return new CrossFile(new VariableIndex(new Places([])), [], new Map());
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

  resolverFor(model: FileModel): VariableResolver {
    return this.variables.resolverFor(model);
  }
}

/** A file that does not parse defines nothing; its own analysis reports why. */
function parseSafely(file: SourceFile, language: Language): FileModel | undefined {
  try {
    const parsed = parseFile(file.path, file.content, language);
    return parsed.ok ? parsed.model : undefined;
  } catch {
    return undefined;
  }
}
