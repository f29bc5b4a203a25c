import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, Unit } from '../../model/model.js';
import { bindings } from '../support/bindings.js';
import { commandsIn, effectiveProgram } from '../support/commands.js';
import { pathShape, writtenPath } from '../support/destinations.js';
import { isFalse, isTrue } from '../support/values.js';
import { attributeOf, firstAttribute } from '../support/units.js';
import { lookupTables } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/** Folders every local user can create files in. */
const SHARED_TEMP = /^\/(tmp|var\/tmp|dev\/shm)\/[^/]/;

/**
 * Downloads that keep a file already at their destination instead of fetching it: Ansible's
 * `get_url` without `force` (it downloads only when the file is missing) and puppet-archive's
 * `archive` (present when the file exists), unless a checksum is there to reject a file
 * someone else put in place.
 */
interface KeepingDownload {
  path: readonly string[];
  /** the attribute with the expected checksum */
  checksum: string;
  /** an attribute that, false, turns the checksum off */
  checksumSwitch?: string;
  /** an attribute that, true, makes it download every time */
  force?: string;
}

const KEEPING_DOWNLOADS: Readonly<Record<string, Readonly<Record<string, KeepingDownload>>>> =
  lookupTables({
    ansible: { get_url: { path: ['dest'], checksum: 'checksum', force: 'force' } },
    puppet: {
      archive: { path: ['path', 'title'], checksum: 'checksum', checksumSwitch: 'checksum_verify' },
    },
    chef: {},
  });

function verifiesChecksum(unit: Unit, download: KeepingDownload): boolean {
  if (!attributeOf(unit, download.checksum)) return false;
  const switched = attributeOf(unit, download.checksumSwitch);
  return !switched || !isFalse(switched.value);
}

/** The temp path the download lands at, as written or as the variables in it say. */
function tempDestination(context: RuleContext, unit: Unit, path: Attribute): string | undefined {
  const language = context.file.language;
  const written = pathShape(path.value, language);
  if (written !== undefined && SHARED_TEMP.test(written)) return writtenPath(path.value);
  for (const binding of bindings(context, path.value, unit.within)) {
    const bound = pathShape(binding.value, language);
    if (bound !== undefined && SHARED_TEMP.test(bound)) return bound;
  }
  return undefined;
}

function checkDownload(context: RuleContext, unit: Unit): void {
  const download = KEEPING_DOWNLOADS[context.file.language]?.[unit.type];
  if (!download || verifiesChecksum(unit, download)) return;
  const force = attributeOf(unit, download.force);
  if (force && isTrue(force.value)) return;
  const path = firstAttribute(unit, download.path);
  if (!path) return;
  const destination = tempDestination(context, unit, path);
  if (!destination) return;
  context.report({
    range: path.value.range,
    message: `\`${unit.type}\` keeps a file already at \`${destination}\` instead of downloading it, and nothing checks its checksum: any local user who creates that file first chooses what gets installed`,
  });
}

/** The file a download command writes: `curl -o FILE`, `wget -O FILE`, `--output=FILE`. */
function outputOf(program: string, args: readonly string[]): string | undefined {
  const options =
    program === 'curl'
      ? { short: '-o', long: '--output' }
      : program === 'wget'
        ? { short: '-O', long: '--output-document' }
        : undefined;
  if (!options) return undefined;
  for (const [index, arg] of args.entries()) {
    if (arg === options.short || arg === options.long) return args[index + 1];
    if (arg.startsWith(`${options.long}=`)) return arg.slice(options.long.length + 1);
    if (arg.startsWith(options.short) && arg.length > 2 && !arg.startsWith('--'))
      return arg.slice(2);
  }
  return undefined;
}

/** `curl -o /tmp/installer.sh URL`: written through whatever is at that name already. */
function checkCommands(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      const output = outputOf(name, args)?.replace(/["']/g, '');
      if (!output || !SHARED_TEMP.test(output) || output.includes('$')) continue;
      context.report({
        range: command.rangeOf(step),
        severity: 'low',
        message: `\`${name}\` writes to the fixed name \`${output}\` in a folder every user can write to: a file or link someone else created there first receives the download; use a private directory (\`mktemp -d\`, Ansible's \`tempfile\`)`,
      });
    }
  }
}

export const predictableTempFile: Rule = {
  meta,
  check(context) {
    for (const unit of context.file.units) checkDownload(context, unit);
    checkCommands(context);
  },
};
