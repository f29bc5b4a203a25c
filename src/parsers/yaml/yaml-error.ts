import { UnanalysableError, type FileErrorKind } from '../../model/file-error.js';

/** Why a YAML file is not analysed; the message says `YAML:` first. */
export class YamlError extends UnanalysableError {
  constructor(kind: FileErrorKind, reason: string, line?: number) {
    super(kind, `YAML: ${reason}`, line);
  }
}
