import type { Rule } from '../rule.js';
import { assignments, type Assignment } from '../support/assignments.js';
import { commandsIn, effectiveProgram, hasFlag, isCommandAttribute } from '../support/commands.js';
import { isSwitchedOff, neighboursOf, signaturesOffBy } from '../support/package-signatures.js';
import { rangeOfText } from '../support/source-lines.js';
import { isTrue, removesResource, stringText } from '../support/values.js';
import {
  PACKAGE_REPOSITORY_TYPES,
  REPOSITORY_SOURCE_KEYS,
} from '../knowledge/package-repositories.js';
import type { FileModel } from '../../model/model.js';
import { meta } from './meta.js';

const PACKAGE_MANAGERS = new Set([
  'apt',
  'apt-get',
  'aptitude',
  'yum',
  'dnf',
  'zypper',
  'rpm',
  'microdnf',
]);

function unsignedInstallFlag(name: string, args: readonly string[]): string | undefined {
  if (!PACKAGE_MANAGERS.has(name)) return undefined;
  for (const flag of [
    '--allow-unauthenticated',
    '--force-yes',
    '--nogpgcheck',
    '--no-gpg-checks',
    '--nosignature',
    '--allow-insecure-repositories',
  ]) {
    if (hasFlag(args, undefined, flag)) return `${name} ${flag}`;
  }
  const option = args.find((arg) =>
    /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)=(true|1|yes)$/i.test(arg),
  );
  return option ? `${name} -o ${option}` : undefined;
}

/** The URLs packages come from, when the repository declares any. */
function repositorySources(file: FileModel, neighbours: readonly Assignment[]): string[] {
  const declared = new Set(REPOSITORY_SOURCE_KEYS);
  const unit = neighbours[0]?.unit;
  for (const source of (unit && PACKAGE_REPOSITORY_TYPES[file.language]?.[unit.type]?.sources) ??
    [])
    declared.add(source);
  return neighbours
    .filter((other) => declared.has(other.name))
    .flatMap((other) => {
      const text = stringText(other.value);
      return text === undefined ? [] : [text];
    });
}

/**
 * `gpgcheck=0` with `repo_gpgcheck=1`: packages are not signed one by one, but the repository
 * metadata that lists their checksums is, and yum and dnf check every package against it (the
 * setup some vendors, such as Phusion, document for their repositories).
 */
function metadataSigned(neighbours: readonly Assignment[]): boolean {
  return neighbours.some((other) => other.name === 'repo_gpgcheck' && isTrue(other.value));
}

/** A repository read from this host's own disk (`file:///media/dvd`): nobody on the network can tamper with it. */
function isLocalRepository(file: FileModel, neighbours: readonly Assignment[]): boolean {
  const sources = repositorySources(file, neighbours);
  return sources.length > 0 && sources.every((source) => /^file:\/\//i.test(source.trim()));
}

export const unsignedPackageSource: Rule = {
  meta,
  check({ file, report }) {
    const all = assignments(file);
    for (const assignment of all) {
      const { unit } = assignment;
      // Command text is read as commands below, where the message can name the package manager.
      if (
        unit &&
        (removesResource(unit, file.language) || isCommandAttribute(file, unit, assignment.name))
      )
        continue;
      const off = signaturesOffBy(file, assignment);
      if (!off) continue;
      const neighbours = neighboursOf(all, assignment);
      if (
        isSwitchedOff(neighbours) ||
        (assignment.name === 'gpgcheck' && metadataSigned(neighbours))
      )
        continue;
      if (isLocalRepository(file, neighbours)) {
        report({
          range: off.range,
          message: `${off.what} turns package signature checks off for a repository on this host's own disk (file://)`,
          severity: 'low',
        });
      } else {
        report({ range: off.range, message: `${off.what} turns package signature checks off` });
      }
    }
    for (const command of commandsIn(file)) {
      for (const step of command.script.commands) {
        const { name, args } = effectiveProgram(step);
        const flag = unsignedInstallFlag(name, args);
        if (!flag) continue;
        const written = flag.slice(flag.indexOf(' ') + 1);
        const stepRange = command.rangeOf(step);
        report({
          range: rangeOfText(file, stepRange, written),
          message: `\`${flag}\` installs packages without checking signatures`,
        });
      }
    }
  },
};
