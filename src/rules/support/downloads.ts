/**
 * Downloads done by a task or resource (`get_url`, `remote_file`, `archive`), and whether
 * anything verifies what arrives. Read by the rule that flags a download without an integrity
 * check and by the rule that judges a plain-HTTP URL, so that one unverified download over HTTP
 * is one finding, not two.
 */
import type { RuleContext } from '../rule.js';
import type { Attribute, Unit } from '../../model/model.js';
import type { DownloadResource } from '../knowledge/downloads.js';
import {
  DOWNLOAD_RESOURCES,
  LOCAL_SOURCE,
  VERIFICATION_FILE,
  VERIFYING_TEXT,
} from '../knowledge/downloads.js';
import { bindings, wholeDefinitions } from './bindings.js';
import { literalText, stringText } from './values.js';
import { attributeOf, firstAttribute } from './units.js';

const REMOTE = /^(https?|ftp|s3):\/\//i;
/**
 * A URL naming a folder or a service endpoint (`https://api.wordpress.org/secret-key/1.1/salt/`):
 * what it answers is generated, so no checksum can pin it.
 */
const ENDPOINT = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+(\/[^?#]*)?\/([?#].*)?$/i;
/** Destinations shorter than this (`x`, `$p`) are too common to be recognised elsewhere in the file. */
const MIN_DESTINATION = 4;

export interface Download {
  resource: DownloadResource;
  /** the attribute holding the source */
  source: Attribute;
  /** what is downloaded, as a message names it: the URL, or the variable with the URL it takes */
  what: string;
  /** the literal URL, when the source is one */
  url?: string;
  /** an attribute that keeps the checksum from being checked (`checksum_verify => false`) */
  checkOff?: Attribute;
  /** a checksum is given, or a later task or resource checks the saved file */
  verified: boolean;
}

/** The download a task or resource does; undefined when it downloads nothing a checksum could pin. */
export function downloadOf(
  context: Pick<RuleContext, 'file' | 'resolve'>,
  unit: Unit,
): Download | undefined {
  const resource = DOWNLOAD_RESOURCES[context.file.language]?.[unit.type];
  const source = resource ? firstAttribute(unit, resource.source) : undefined;
  if (!resource || !source) return undefined;
  const found = downloaded(context, unit, resource, source);
  if (!found) return undefined;
  const checkOff = checkTurnedOff(unit, resource);
  const verified =
    !checkOff &&
    (checksumGiven(unit, resource) || verifiedLater(context.file.units, unit, resource));
  return { resource, source, ...found, ...(checkOff ? { checkOff } : {}), verified };
}

/**
 * What is downloaded, as the message names it: the URL, a templated URL, or the variable it
 * comes from (with the URL a definition gives it). Undefined when the source is not a download.
 */
function downloaded(
  context: Pick<RuleContext, 'file' | 'resolve'>,
  unit: Unit,
  resource: DownloadResource,
  source: Attribute,
): { what: string; url?: string } | undefined {
  const text = stringText(source.value);
  const isDownload = (url: string) =>
    !VERIFICATION_FILE.test(url) &&
    !ENDPOINT.test(url) &&
    (REMOTE.test(url) || (resource.alwaysRemote && !LOCAL_SOURCE.test(url)));
  if (
    !source.value.dynamic ||
    (text !== undefined && (REMOTE.test(text) || resource.alwaysRemote))
  ) {
    return text !== undefined && isDownload(text) ? { what: text, url: text } : undefined;
  }
  if (!resource.variableIsRemote) return undefined;
  const values = [
    ...wholeDefinitions(context, source.value, unit.within).map((definition) => definition.value),
    ...[...bindings(context, source.value, unit.within)].map((binding) => binding.value),
  ];
  const given = values.map(stringText).filter((url): url is string => url !== undefined);
  if (
    given.some((url) => LOCAL_SOURCE.test(url) || VERIFICATION_FILE.test(url) || ENDPOINT.test(url))
  )
    return undefined;
  const written = text ?? source.value.text;
  const remote = given.find((url) => REMOTE.test(url));
  return { what: remote ? `\`${written}\` (${remote})` : `\`${written}\`` };
}

/** An attribute that keeps the checksum from being checked (`checksum_verify => false`). */
function checkTurnedOff(unit: Unit, resource: DownloadResource): Attribute | undefined {
  return Object.entries(resource.checkOff ?? {})
    .map(([name, off]) => ({ found: attributeOf(unit, name), off }))
    .find(({ found, off }) => found !== undefined && off.test(literalText(found.value) ?? ''))
    ?.found;
}

/** A checksum attribute that holds something: an empty string checks nothing. */
function checksumGiven(unit: Unit, resource: DownloadResource): boolean {
  return resource.integrity.some((name) => {
    const found = attributeOf(unit, name);
    return found !== undefined && literalText(found.value)?.trim() !== '';
  });
}

/** The text of a task or resource: its arguments and what they hold, for a look at what it does. */
function unitText(unit: Unit): string {
  return unit.attributes.map((candidate) => `${candidate.name} ${candidate.value.text}`).join('\n');
}

/** The tasks and resources of each file whose text verifies something, read once per file. */
const verifyingByFile = new WeakMap<
  readonly Unit[],
  ReadonlyArray<{ line: number; text: string }>
>();

function verifyingUnits(units: readonly Unit[]): ReadonlyArray<{ line: number; text: string }> {
  let verifying = verifyingByFile.get(units);
  if (!verifying) {
    verifying = units
      .map((unit) => ({ line: unit.range.line, text: unitText(unit) }))
      .filter(({ text }) => VERIFYING_TEXT.test(text));
    verifyingByFile.set(units, verifying);
  }
  return verifying;
}

/** A later task or resource in the file checks the saved download (`Digest::SHA1.file(tarball)`). */
function verifiedLater(units: readonly Unit[], unit: Unit, resource: DownloadResource): boolean {
  const destination = firstAttribute(unit, resource.destination)?.value.text.trim();
  if (!destination || destination.length < MIN_DESTINATION) return false;
  return verifyingUnits(units).some(
    (later) => later.line > unit.range.endLine && later.text.includes(destination),
  );
}
