/**
 * The settings a Puppet `augeas` resource writes: each `set` of its `changes`.
 *
 *   augeas { 'sshd': context => '/files/etc/ssh/sshd_config', changes => ['set PermitRootLogin yes'] }
 *
 * writes `PermitRootLogin yes` into `/etc/ssh/sshd_config`; so does
 * `changes => 'set /files/etc/ssh/sshd_config/PermitRootLogin yes'` with no context. Read for the
 * formats whose Augeas lens makes each setting a node named after it (a keyword and its value,
 * `key = value`), for a `set` of one node right under the file. Other commands, nested nodes
 * (`Match[1]/Settings/...`), and paths computed at run time say nothing Posture can read.
 */
import type { Language, Unit, Value } from '../../model/model.js';
import { AUGEAS_EDITORS } from '../knowledge/config-writers.js';
import { formatByDestination, type FormatSpec } from '../../parsers/config/formats.js';
import { stringText } from './values.js';
import { attributeOf } from './units.js';

/** A setting as `config-settings.ts` judges it, before its condition is known. */
export interface AugeasSetting {
  spec: FormatSpec;
  name: string;
  /** the value as written, in the change that writes it */
  value: Value;
}

/** Lenses whose nodes are the file's settings by name. */
const FLAT_SYNTAXES: ReadonlySet<string> = new Set(['keyword', 'key-equals']);

/** `set PermitRootLogin yes`, `set /files/etc/sysctl.conf/net.ipv4.ip_forward "1"`. */
const SET = /^\s*set\s+(\S+)\s+(?:"([^"]*)"|'([^']*)'|(\S+))\s*$/;
/** A node right under a file, from the root of Augeas's tree: `/files/etc/sysctl.conf/vm.swappiness`. */
const FILE_NODE = /^\/files(\/.+)\/([^/]+)$/;
/** The name of a setting's node: no brackets, no path. */
const SETTING_NAME = /^[A-Za-z][\w.-]*$/;

export function* augeasSettings(unit: Unit, language: Language): Generator<AugeasSetting> {
  if (!AUGEAS_EDITORS[language]?.has(unit.type)) return;
  const changes = attributeOf(unit, 'changes')?.value;
  if (!changes) return;
  const loaded = literalAttribute(unit, 'incl');
  const context = literalAttribute(unit, 'context')?.replace(/\/+$/, '');
  const contextFile = loaded ?? (context?.startsWith('/files/') ? context.slice(6) : undefined);
  for (const change of changes.kind === 'list' ? (changes.items ?? []) : [changes]) {
    const text = stringText(change);
    if (text === undefined) continue;
    for (const command of text.split('\n')) {
      const [, path = '', doubleQuoted, singleQuoted, bare] = SET.exec(command) ?? [];
      const written = doubleQuoted ?? singleQuoted ?? bare;
      const node = path.startsWith('/') ? FILE_NODE.exec(path) : null;
      const file = node ? node[1] : contextFile;
      const name = node ? node[2] : path;
      // Augeas loads only the file `incl` names.
      if (!file || !name || written === undefined || (loaded && file !== loaded)) continue;
      const spec = formatByDestination(file);
      if (!spec || !FLAT_SYNTAXES.has(spec.syntax) || !SETTING_NAME.test(name)) continue;
      // A value interpolated from a variable is judged where the variable is set.
      const dynamic = change.dynamic && written.includes('$');
      yield {
        spec,
        name,
        value: { ...change, kind: 'string', value: written, text: written, dynamic },
      };
    }
  }
}

/** An attribute's text, written as it stands. */
function literalAttribute(unit: Unit, name: string): string | undefined {
  const value = attributeOf(unit, name)?.value;
  return value && !value.dynamic ? stringText(value) : undefined;
}
