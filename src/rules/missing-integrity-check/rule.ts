import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, Unit } from '../../engine/model.js';
import type { DownloadResource } from '../knowledge/downloads.js';
import { literalText, stringText } from '../support/values.js';
import { commandsIn, effectiveProgram, hasFlag, wgetWritesToStdout } from '../support/commands.js';
import { bindings, wholeDefinitions } from '../support/bindings.js';
import { DOWNLOADERS } from '../knowledge/commands.js';
import { DOWNLOAD_RESOURCES, EXECUTABLE_ARTIFACT, LOCAL_SOURCE, VERIFICATION_FILE, VERIFIERS, VERIFYING_TEXT } from '../knowledge/downloads.js';

const REMOTE = /^(https?|ftp|s3):\/\//i;
/** Destinations shorter than this (`x`, `$p`) are too common to be recognised elsewhere in the file. */
const MIN_DESTINATION = 4;

/** The first of `names`, in that order of preference, that the unit sets. */
function attribute(unit: Unit, names: readonly string[]): Attribute | undefined {
  for (const name of names) {
    const found = unit.attributes.find((candidate) => candidate.name === name);
    if (found) return found;
  }
  return undefined;
}

/** `curl -o file URL`, `curl -O URL`, `wget URL`: the download is saved to a file. */
function savesDownloadToFile(name: string, args: readonly string[]): boolean {
  if (name === 'curl') return hasFlag(args, 'o', '--output') || hasFlag(args, 'O', '--remote-name');
  if (name === 'wget') return !wgetWritesToStdout(args);
  return false;
}

/**
 * What is downloaded, as the message names it: the URL, a templated URL, or the variable it
 * comes from (with the URL a definition gives it). Undefined when the source is not a download.
 */
function downloaded(context: RuleContext, unit: Unit, resource: DownloadResource, source: Attribute): string | undefined {
  const text = stringText(source.value);
  const isDownload = (url: string) => !VERIFICATION_FILE.test(url) && (REMOTE.test(url) || (resource.alwaysRemote && !LOCAL_SOURCE.test(url)));
  if (!source.value.dynamic || (text !== undefined && (REMOTE.test(text) || resource.alwaysRemote))) return text !== undefined && isDownload(text) ? text : undefined;
  if (!resource.variableIsRemote) return undefined;
  const values = [...wholeDefinitions(context, source.value, unit.within).map((definition) => definition.value), ...[...bindings(context, source.value, unit.within)].map((binding) => binding.value)];
  const given = values.map(stringText).filter((url): url is string => url !== undefined);
  if (given.some((url) => LOCAL_SOURCE.test(url) || VERIFICATION_FILE.test(url))) return undefined;
  const written = text ?? source.value.text;
  const remote = given.find((url) => REMOTE.test(url));
  return remote ? `\`${written}\` (${remote})` : `\`${written}\``;
}

/** An attribute that keeps the checksum from being checked (`checksum_verify => false`). */
function checkTurnedOff(unit: Unit, resource: DownloadResource): Attribute | undefined {
  return Object.entries(resource.checkOff ?? {})
    .map(([name, off]) => ({ found: attribute(unit, [name]), off }))
    .find(({ found, off }) => found !== undefined && off.test(literalText(found.value) ?? ''))?.found;
}

/** A checksum attribute that holds something: an empty string checks nothing. */
function checksumGiven(unit: Unit, resource: DownloadResource): boolean {
  return resource.integrity.some((name) => {
    const found = attribute(unit, [name]);
    return found !== undefined && literalText(found.value)?.trim() !== '';
  });
}

/** The text of a task or resource: its arguments and what they hold, for a look at what it does. */
function unitText(unit: Unit): string {
  return unit.attributes.map((candidate) => `${candidate.name} ${candidate.value.text}`).join('\n');
}

/** A later task or resource in the file checks the saved download (`Digest::SHA1.file(tarball)`). */
function verifiedLater(units: readonly Unit[], unit: Unit, resource: DownloadResource): boolean {
  const destination = attribute(unit, resource.destination)?.value.text.trim();
  if (!destination || destination.length < MIN_DESTINATION) return false;
  return units.some((later) => later.range.line > unit.range.endLine && VERIFYING_TEXT.test(unitText(later)) && unitText(later).includes(destination));
}

function checkResources(context: RuleContext): void {
  const { file, report } = context;
  const table = DOWNLOAD_RESOURCES[file.language];
  for (const unit of file.units) {
    const resource = table[unit.type];
    const source = resource ? attribute(unit, resource.source) : undefined;
    if (!resource || !source) continue;
    const what = downloaded(context, unit, resource, source);
    if (!what) continue;
    const off = checkTurnedOff(unit, resource);
    if (off) {
      report({ range: off.value.range, message: `\`${off.name}\` set to \`${off.value.text}\`: \`${unit.typeAsWritten}\` downloads ${what} without checking its checksum` });
    } else if (!checksumGiven(unit, resource) && !verifiedLater(file.units, unit, resource)) {
      report({ range: unit.typeRange, message: `\`${unit.typeAsWritten}\` downloads ${what} without a checksum` });
    }
  }
}

function checkCommands(context: RuleContext): void {
  for (const command of commandsIn(context.file)) {
    const verified = command.script.commands.some((step) => VERIFIERS.has(effectiveProgram(step).name));
    if (verified) continue;
    for (const step of command.script.commands) {
      const { name, args } = effectiveProgram(step);
      if (!DOWNLOADERS.has(name) || !savesDownloadToFile(name, args)) continue;
      const url = args.find((arg) => REMOTE.test(arg));
      if (!url || !EXECUTABLE_ARTIFACT.test(url)) continue;
      context.report({ range: command.rangeOf(step), message: `\`${name}\` downloads ${url} and nothing verifies it` });
    }
  }
}

export const missingIntegrityCheck: Rule = {
  meta: {
    id: 'missing-integrity-check',
    title: 'Download without an integrity check',
    severity: 'medium',
    category: 'missing-integrity-check',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'Something is downloaded and then installed or used without checking a checksum or signature. A compromised mirror, a hijacked DNS name or a man in the middle can then replace it with anything, and the host will run it.',
    remediation:
      'Pin the expected digest (`checksum: sha256:<digest>` on `get_url`, `checksum` on Chef `remote_file` and Puppet `archive`) or verify a signature before use. For shell downloads, check the file with `sha256sum -c` or `gpg --verify` in the same command.',
    cwe: 'CWE-494',
  },
  check(context) {
    checkResources(context);
    checkCommands(context);
  },
};
