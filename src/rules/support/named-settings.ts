/**
 * Settings a task or resource names in one attribute and sets in another: a key of an INI file
 * (`ini_setting`, `ini_file`) whatever the file is, git's configuration (`git_config`,
 * `git::config`) and PostgreSQL's (`postgresql_set`). Rules that judge (name, value) pairs read
 * them as assignments of the value to the setting's name.
 */
import type { FileModel } from '../../model/model.js';
import { NAMED_SETTING_WRITERS, INI_WRITERS } from '../knowledge/config-writers.js';
import type { Assignment } from './assignments.js';
import { attributeOf, firstAttribute } from './units.js';

/**
 * A setting a task or resource names in one attribute and sets in another, as an assignment of
 * its value to its name: `ini_setting { setting => 'sslverify', value => '0' }` on
 * `/etc/yum.conf`, `ini_file: option=sslVerify value=false` on a `.gitconfig`, whatever the file
 * is, and `git_config: name=http.sslVerify value=false`.
 */
export function* namedSettingAssignments(
  file: FileModel,
  { iniKeys = true }: { iniKeys?: boolean } = {},
): Generator<Assignment> {
  const ini = iniKeys ? INI_WRITERS[file.language] : undefined;
  const named = NAMED_SETTING_WRITERS[file.language];
  if (!ini && !named) return;
  for (const unit of file.units) {
    const iniWriter = ini?.[unit.type];
    const writer = iniWriter
      ? { key: [iniWriter.key], value: iniWriter.value }
      : named?.[unit.type];
    if (!writer) continue;
    const key = firstAttribute(unit, writer.key);
    const value = attributeOf(unit, writer.value);
    if (!key || !value || key.value.dynamic || typeof key.value.value !== 'string') continue;
    yield {
      name: key.value.value,
      path: [key.value.value],
      value: value.value,
      // where the value is given: the finding and its suggestion point there
      range: value.range,
      unit,
      siblings: [],
      source: 'argument',
    };
  }
}
