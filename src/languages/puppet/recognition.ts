/**
 * Which files are Puppet's: manifests (`.pp`), the Puppetfile, and Hiera data, the YAML a
 * module or control repository keeps its parameters in: under `hieradata/`, or under `data/`
 * with Hiera 5's `.yaml` extension, or YAML whose keys name class parameters.
 */
import type { Recognition } from '../language.js';
import { otherYamlByPath } from '../other-yaml.js';
import { isPuppetfile } from '../../parsers/dependencies/file-names.js';
import type { PathClaim, Recognising } from '../language.js';

const MANIFEST = /\.pp$/i;
export const HIERA_DATA = /(^|\/)hieradata\/.+\.ya?ml$|(^|\/)data\/.+\.yaml$/i;
/** A Hiera key naming a class parameter: `profile::base::ntp_servers`. */
const CLASS_PARAMETER = /^[a-z][a-z0-9_]*(::[a-z0-9_]+)+$/;

export const recognition: Recognising = {
  file(path): Recognition | undefined {
    if (MANIFEST.test(path)) return { language: 'puppet', reason: 'a Puppet manifest' };
    if (isPuppetfile(path))
      return { language: 'puppet', reason: 'a Puppetfile (the Puppet modules r10k installs)' };
    return undefined;
  },

  yamlByPath: (path) =>
    HIERA_DATA.test(path)
      ? { language: 'puppet', reason: 'Hiera data by its path (`data/`, `hieradata/`)' }
      : undefined,

  yamlByContent(outline) {
    if (outline.shape !== 'mapping' || outline.keys.length === 0) return undefined;
    const classParameters = outline.keys.filter((key) => CLASS_PARAMETER.test(key)).length;
    return classParameters * 2 > outline.keys.length
      ? { language: 'puppet', reason: 'Hiera data (its keys name Puppet class parameters)' }
      : undefined;
  },

  yamlKinds: 'Hiera data',

  pathClaim(path): PathClaim | undefined {
    if (isPuppetfile(path)) return 'name';
    if (HIERA_DATA.test(path)) return 'folder';
    return MANIFEST.test(path) ? 'extension' : undefined;
  },

  mayBeAnalysed: (path) =>
    MANIFEST.test(path) || isPuppetfile(path) || (HIERA_DATA.test(path) && !otherYamlByPath(path)),
};
