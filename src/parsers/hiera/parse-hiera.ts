/**
 * Hiera data (`data/*.yaml`, `hieradata/`): the YAML that feeds Puppet class parameters.
 * Every key becomes a variable, so the rules read its values as they read Ansible vars;
 * `%{...}` interpolations are computed values and `ENC[...]` (hiera-eyaml) is ciphertext.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import type { Value, Variable } from '../../model/model.js';
import { parseDataFile } from '../yaml/data-file.js';

const INTERPOLATION = /%\{[^}]*\}/;

export function parseHiera(path: string, source: string): ParseOutcome {
  return parseDataFile(path, source, {
    language: 'puppet',
    isDynamic: (text) => INTERPOLATION.test(text),
    flatten,
  });
}

/** `apache::vhost::ssl_key: x` keeps `ssl_key` as its name and the whole key as its path. */
function flatten(value: Value, path: string[], into: Variable[]): void {
  if (value.kind === 'map') {
    for (const entry of value.entries ?? []) {
      const entryPath = [...path, ...entry.name.split('::')];
      into.push({
        name: entryPath.at(-1) ?? entry.name,
        path: entryPath,
        value: entry.value,
        scope: 'hiera',
        range: entry.range,
      });
      flatten(entry.value, entryPath, into);
    }
  } else if (value.kind === 'list') {
    (value.items ?? []).forEach((item, index) => flatten(item, [...path, String(index)], into));
  }
}
