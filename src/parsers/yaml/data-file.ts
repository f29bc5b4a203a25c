/**
 * A file of data (Hiera, a Chef data bag item): YAML or JSON whose keys are all variables. The
 * caller says which language's file it is, which strings compute something there, and how a
 * document's value becomes variables.
 */
import { UnanalysableError } from '../../engine/file-error.js';
import type { FileModel, Language, Value, Variable } from '../../engine/model.js';
import type { ParseOutcome } from '../../languages/language.js';
import { parseYaml } from './parse-yaml.js';
import { YamlValueBuilder } from './to-value.js';

export interface DataFileReading {
  language: Language;
  isDynamic: (text: string) => boolean;
  /** appends the variables a document's value holds */
  flatten: (value: Value, path: string[], into: Variable[]) => void;
}

export function parseDataFile(
  path: string,
  source: string,
  reading: DataFileReading,
): ParseOutcome {
  try {
    const parsed = parseYaml(source);
    const variables: Variable[] = [];
    for (const doc of parsed.documents) {
      const builder = new YamlValueBuilder(parsed, doc, { isDynamic: reading.isDynamic });
      reading.flatten(builder.value(doc.contents), [], variables);
    }
    const model: FileModel = {
      path,
      language: reading.language,
      kind: 'data',
      units: [],
      variables,
      comments: parsed.comments,
      conditions: [],
      lines: source.split(/\r?\n/),
    };
    return { ok: true, model };
  } catch (error) {
    if (error instanceof UnanalysableError) return { ok: false, error: error.toFileError(path) };
    throw error;
  }
}
