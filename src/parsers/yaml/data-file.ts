/**
 * A file of data (Hiera, a Chef data bag item, a Galaxy requirements list): YAML or JSON read
 * for what its values hold. The caller says which language's file it is, which strings compute
 * something there, and how a document's value becomes variables or units.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import { UnanalysableError } from '../../model/file-error.js';
import type { FileModel, Language, Unit, Value, Variable } from '../../model/model.js';
import { parseYaml, withoutByteOrderMark } from './parse-yaml.js';
import { YamlValueBuilder } from './to-value.js';

export interface DataFileReading {
  language: Language;
  isDynamic: (text: string) => boolean;
  /** appends the variables a document's value holds (Hiera keys, data bag fields) */
  flatten?: (value: Value, path: string[], into: Variable[]) => void;
  /** appends the units a document's value holds (the entries of a requirements list) */
  units?: (value: Value, into: Unit[]) => void;
}

export function parseDataFile(
  path: string,
  source: string,
  reading: DataFileReading,
): ParseOutcome {
  try {
    const parsed = parseYaml(source);
    const variables: Variable[] = [];
    const units: Unit[] = [];
    for (const doc of parsed.documents) {
      const builder = new YamlValueBuilder(parsed, doc, { isDynamic: reading.isDynamic });
      const value = builder.value(doc.contents);
      reading.flatten?.(value, [], variables);
      reading.units?.(value, units);
    }
    const model: FileModel = {
      path,
      language: reading.language,
      kind: 'data',
      units,
      variables,
      comments: parsed.comments,
      conditions: [],
      lines: withoutByteOrderMark(source).split(/\r?\n/),
    };
    return { ok: true, model };
  } catch (error) {
    if (error instanceof UnanalysableError) return { ok: false, error: error.toFileError(path) };
    throw error;
  }
}
