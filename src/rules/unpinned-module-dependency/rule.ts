import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, Unit } from '../../model/model.js';
import type { Severity } from '../../model/finding.js';
import { MOVING_REVISION } from '../knowledge/downloads.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

/** Why a version that can move matters, for every message. */
const MOVES = 'each install can pull in a different release, including one nobody has reviewed';

interface Unpinned {
  range: Unit['range'];
  message: string;
  severity?: Severity;
}

function attribute(unit: Unit, names: readonly string[]): Attribute | undefined {
  return unit.attributes.find((candidate) => names.includes(candidate.name));
}

/** The literal text of an attribute, symbols without their colon; undefined when computed. */
function text(found: Attribute | undefined): string | undefined {
  if (!found || found.value.dynamic) return undefined;
  const value = found.value.value;
  const written = typeof value === 'string' ? value : found.value.text;
  return written.trim().replace(/^:/, '');
}

/**
 * A dependency fetched from a version control repository: pinned by a tag or a commit, unpinned
 * at a branch or with no revision at all (the repository's default branch).
 */
function unpinnedCheckout(
  unit: Unit,
  source: Attribute,
  pins: readonly string[],
  branches: readonly string[],
): Unpinned | undefined {
  const branch = attribute(unit, branches);
  if (branch) {
    const name = text(branch);
    if (name === undefined || name === 'control_branch') return undefined;
    return {
      range: branch.value.range,
      message: `\`${unit.name ?? unit.type}\` follows the branch \`${name}\` of its repository: ${MOVES}`,
    };
  }
  const pin = attribute(unit, pins);
  if (!pin)
    return {
      range: source.range,
      message: `\`${unit.name ?? unit.type}\` comes from ${text(source) ?? 'a repository'} without a tag or commit, so it is whatever the default branch holds: ${MOVES}`,
    };
  const revision = text(pin);
  if (revision === undefined || !MOVING_REVISION.test(revision)) return undefined;
  return {
    range: pin.value.range,
    message: `\`${unit.name ?? unit.type}\` is pinned to \`${revision}\`, a branch rather than a tag or a commit: ${MOVES}`,
  };
}

/** `mod 'puppetlabs/apache'`, `mod 'site', :git => '...', :branch => 'main'`. */
function puppetModule(unit: Unit): Unpinned | undefined {
  if (attribute(unit, ['local', 'path', 'install_path'])) return undefined;
  const source = attribute(unit, ['git', 'svn', 'hg']);
  if (source)
    return unpinnedCheckout(unit, source, ['ref', 'tag', 'commit', 'rev', 'revision'], ['branch']);
  const version = attribute(unit, ['version']);
  if (!version)
    return {
      range: unit.typeRange,
      message: `\`mod '${unit.name ?? ''}'\` has no version, so r10k installs the newest release on the Forge: ${MOVES}`,
    };
  if (text(version) === 'latest')
    return {
      range: version.value.range,
      message: `\`mod '${unit.name ?? ''}'\` asks for \`:latest\`, the newest release on the Forge at each deploy: ${MOVES}`,
    };
  return undefined;
}

/** `cookbook 'nginx'`, `cookbook 'app', git: '...'`. */
function chefCookbook(unit: Unit): Unpinned | undefined {
  if (attribute(unit, ['path'])) return undefined;
  const source = attribute(unit, ['git', 'github']);
  if (source) return unpinnedCheckout(unit, source, ['ref', 'tag', 'revision'], ['branch']);
  if (attribute(unit, ['version'])) return undefined;
  return {
    range: unit.typeRange,
    message: `\`cookbook '${unit.name ?? ''}'\` has no version constraint, so Berkshelf resolves it to the newest release unless a committed Berksfile.lock holds it: ${MOVES}`,
    severity: 'low',
  };
}

/** A role or collection that is a file (a tarball, a local folder): its content is what it is. */
const ARTIFACT = /\.(tar\.gz|tgz|zip)$|^(\/|\.\.?\/|~\/|file:\/\/)/i;

/** A `requirements.yml` role or collection. */
function galaxyRequirement(unit: Unit): Unpinned | undefined {
  const name = text(attribute(unit, ['src'])) ?? unit.name;
  const kind = text(attribute(unit, ['type']));
  if (name === undefined || ARTIFACT.test(name) || kind === 'file' || kind === 'dir')
    return undefined;
  const scm =
    text(attribute(unit, ['scm'])) ??
    (kind === 'git' || /^git\+|\.git$/.test(name) ? 'git' : undefined);
  const version = attribute(unit, ['version']);
  const label = `${unit.type} \`${name}\``;
  if (!version)
    return {
      range: unit.typeRange,
      message: scm
        ? `${label} has no \`version\`, so ansible-galaxy checks out its default branch: ${MOVES}`
        : `${label} has no \`version\`, so ansible-galaxy installs the newest release: ${MOVES}`,
    };
  const pinned = text(version);
  if (pinned === undefined) return undefined;
  if (pinned === '*' || pinned === '' || MOVING_REVISION.test(pinned))
    return {
      range: version.value.range,
      message: `${label} asks for version \`${pinned}\`, which moves: ${MOVES}`,
    };
  return undefined;
}

const JUDGES: Readonly<Record<string, (unit: Unit) => Unpinned | undefined>> = lookupTable({
  mod: puppetModule,
  cookbook: chefCookbook,
  role: galaxyRequirement,
  collection: galaxyRequirement,
});

export const unpinnedModuleDependency: Rule = {
  meta,
  check(context: RuleContext) {
    for (const unit of context.file.units) {
      if (unit.kind !== 'dependency') continue;
      const judged = JUDGES[unit.type]?.(unit);
      if (judged) context.report(judged);
    }
  },
};
