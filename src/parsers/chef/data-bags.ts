/**
 * Chef data bag items (`data_bags/<bag>/<item>.json`): JSON a recipe reads with `data_bag_item`,
 * often users, passwords and keys. Every key becomes a variable with its full path, so that the
 * rules read a plaintext `"password": "..."` as they read Ansible vars or Hiera data. An
 * encrypted item (`knife data bag create --secret-file`, Chef Vault) keeps each value as an
 * object of ciphertext (`encrypted_data`, `iv`, `cipher`): such a value is `encrypted`, and
 * nothing under it is read. JSON is read with the YAML reader, which gives every node its
 * position.
 */
import type { ParseOutcome } from '../../model/parse-outcome.js';
import type { Value, Variable } from '../../model/model.js';
import { parseDataFile } from '../yaml/data-file.js';

/** The fields of an encrypted data bag item's value besides its ciphertext, one of which is always there. */
const ENCRYPTION_FIELDS = ['iv', 'cipher'];

export function parseDataBagItem(path: string, source: string): ParseOutcome {
  // Chef reads the JSON as it is: no value computes anything.
  return parseDataFile(path, source, { language: 'chef', isDynamic: () => false, flatten });
}

/** `{"encrypted_data": "...", "iv": "...", "version": 1, "cipher": "aes-256-cbc"}` */
function isCiphertext(value: Value): boolean {
  if (value.kind !== 'map') return false;
  const names = new Set((value.entries ?? []).map((entry) => entry.name));
  return names.has('encrypted_data') && ENCRYPTION_FIELDS.some((field) => names.has(field));
}

function flatten(value: Value, path: string[], into: Variable[]): void {
  if (value.kind === 'map') {
    for (const entry of value.entries ?? []) {
      const entryPath = [...path, entry.name];
      const entryValue: Value = isCiphertext(entry.value)
        ? {
            kind: 'encrypted',
            text: entry.value.text,
            dynamic: false,
            range: entry.value.range,
          }
        : entry.value;
      into.push({
        name: entry.name,
        path: entryPath,
        value: entryValue,
        scope: 'data',
        range: entry.range,
      });
      flatten(entryValue, entryPath, into);
    }
  } else if (value.kind === 'list') {
    (value.items ?? []).forEach((item, index) => flatten(item, [...path, String(index)], into));
  }
}
