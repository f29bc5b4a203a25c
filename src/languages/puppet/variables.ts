/**
 * Puppet's variables: Hiera data sets class parameters and lookups for the module or control
 * repository it sits in; a resource-like class declaration sets the parameters of the class it
 * declares, a defined type's instance those of the type, and an `epp()` call those of its
 * template; a class parameter's default and `$x = ...` hold in their own file (and in the
 * templates the class renders), and a module's `params.pp` gives its variables, by their
 * qualified names, to the run.
 * References drop the leading `::` of top scope (`$::osfamily` reads `osfamily`), and a lookup
 * of a Hiera key written as it stands reads that key.
 */
import { placeByUnitFolders } from '../layout.js';
import type { GivenValue, VariableReading } from '../language.js';
import type { FileModel, Unit, Value } from '../../model/model.js';
import { parameterDefault } from '../parameter-default.js';
import { puppetReferences } from './references.js';
import { MODULE_MANIFEST } from './template-calls.js';
import { HIERA_LOOKUPS } from '../../parsers/puppet/created-resources.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';
import { writtenString } from '../../model/written-string.js';

const YAML_FILE = /\.ya?ml$/i;
/** A module's class of parameter defaults: `manifests/params.pp`. */
const PARAMS_CLASS = /(^|\/)manifests\/params\.pp$/;
/** The folders of a Puppet module or control repository. */
const MODULE_FOLDERS = new Set([
  'manifests',
  'data',
  'hieradata',
  'templates',
  'files',
  'lib',
  'functions',
  'types',
]);

/** The top folders of a Puppet control repository that hold code, and manifests at its top. */
const CONTROL_REPOSITORY_TOP = /^((manifests|site|site-modules|modules|dist)\/|[^/]+$)/;

/** Manifests that declare other modules' classes: `site.pp`, a control repository's profiles and roles. */
const DECLARING_MANIFEST =
  /((^|\/)manifests\/site\.pp|(^|\/)(site|site-modules)\/[^/]+\/manifests\/.+\.pp|(^|\/)(profiles?|roles?)\/manifests\/.+\.pp)$/;

/** Attributes every resource takes, which are not a class's parameters. */
const METAPARAMETERS = new Set([
  'alias',
  'audit',
  'before',
  'loglevel',
  'noop',
  'notify',
  'require',
  'schedule',
  'stage',
  'subscribe',
  'tag',
]);

export const variables: VariableReading = {
  templated: /\$\{|\$:{0,2}[a-z_]/,

  // Every Hiera file sets values for others, and so does a module's `params.pp`, whose class's
  // variables other classes read by their qualified names (`$ssh::params::port` as a default).
  definesForOthers: (path) => YAML_FILE.test(path) || PARAMS_CLASS.test(path),

  placer: () => (path) => placeByUnitFolders(path, MODULE_FOLDERS, false),

  shared(variable) {
    if (variable.scope === 'hiera') return { name: variable.path.join('::'), origin: 'hiera' };
    return variable.scope === 'data' && variable.owner
      ? { name: `${variable.owner}::${variable.path.join('::')}`, origin: 'local-variable' }
      : undefined;
  },

  own(variable) {
    if (variable.scope === 'parameter') return parameterDefault(variable, '::');
    return variable.scope === 'data'
      ? {
          name: variable.path.join('::'),
          origin: 'local-variable',
          level: 'local',
          // A class's own variable is read from outside it, and by its templates, qualified.
          aliases: variable.owner ? [`${variable.owner}::${variable.name}`] : [],
        }
      : undefined;
  },

  applied: {
    pathMayApply: /\.pp$/i,
    // `class { 'ssh': ...`, a defined type's instance `ssh::config { 'main': ...`, or `epp(...)`.
    mayApply: /\bclass\s*\{|\b[a-z]\w*(?:::[a-z]\w*)+\s*\{\s*['"$[]|\bepp\s*\(/,
    // What class declarations, defined type instances and `epp()` calls give.
    given: (model) => [...declaredParameters(model), ...eppParameters(model)],
    // `class { 'ssh': permit_root_login => $root_login }` passes the value `$root_login` has in
    // the profile or node that declares it.
    readWhereGiven: true,
    // A manifest at the top of a control repository (`manifests/site.pp`, `site/profile/...`,
    // `modules/...`) may declare the classes of modules in its other top folders.
    reachesOtherTops: (path) => CONTROL_REPOSITORY_TOP.test(path),
    // A class's parameters are read by their qualified names, wherever its module sits.
    unitFolder: () => '',
    // Classes are declared with parameters in `site.pp` and in profiles and roles.
    mayApplyTo: (path) => DECLARING_MANIFEST.test(path),
    // Its module's manifests and templates: in any folder named after the module, and, for a
    // declaration in a module checked out at the top of the run, that module's own.
    unitFiles(owner, tree) {
      const module = owner.split('::')[0] ?? owner;
      const named = new RegExp(`(^|/)${escapeRegExp(module)}/(manifests|templates)/`);
      return (path) => named.test(path) || (tree === '' && /^(manifests|templates)\//.test(path));
    },
  },

  referencesIn: puppetReferences,

  wholeValueName(value) {
    if (!value.name) return undefined;
    if (value.kind === 'call') return lookedUpKey(value);
    return value.text.includes('[') ? undefined : value.name.replace(/^::/, '');
  },
};

/** Defined types are named within their module: `ssh::config`, `apache::vhost`. */
const DEFINED_TYPE = /^[a-z]\w*(::[a-z]\w*)+$/;

/**
 * The class or defined type a resource-like declaration gives parameters to, or a defined
 * type's resource defaults (`Ssh::Drop_in { permit_root_login => 'yes' }`, which its instances
 * take unless they set the parameter); undefined for overrides and collectors, and for other
 * resources.
 */
function declaredUnit(unit: Unit): string | undefined {
  const [keyword, ...others] = unit.keywords;
  if (keyword?.name === 'resource_defaults' && others.length === 0)
    return DEFINED_TYPE.test(unit.type) ? unit.type : undefined;
  if (unit.name === undefined || unit.keywords.length > 0) return undefined;
  if (unit.type === 'class') return unit.name.replace(/^::/, '');
  return DEFINED_TYPE.test(unit.type) ? unit.type : undefined;
}

/** The Hiera key a lookup names as it stands; undefined for any other call. */
function lookedUpKey(call: Value): string | undefined {
  if (!call.name || !HIERA_LOOKUPS.has(call.name.replace(/^::/, ''))) return undefined;
  const [key] = call.items ?? [];
  return writtenString(key)?.replace(/^::/, '');
}

/**
 * `class { 'ssh::server': permit_root_login => 'yes' }` sets the class's parameters where it is
 * declared, over Hiera and the defaults; `ssh::config { 'main': permit_root_login => 'yes' }`
 * sets a defined type's parameters for that instance, over the defaults.
 */
function declaredParameters(model: FileModel): GivenValue[] {
  return model.units.flatMap((unit) => {
    const owner = declaredUnit(unit);
    if (owner === undefined) return [];
    const application = { units: [owner], asParameters: true, line: unit.range.line };
    return unit.attributes
      .filter((attribute) => attribute.name !== 'title' && !METAPARAMETERS.has(attribute.name))
      .map(({ name, value, range }) => ({
        name: `${owner}::${name}`,
        value,
        range,
        origin: 'class-declaration' as const,
        application,
        ...(unit.within ? { scope: unit.within } : {}),
      }));
  });
}

/**
 * What `epp('ssh/sshd_config.epp', { 'permit_root_login' => $root })` passes its template, a
 * template of the calling class's own module, as the parameters the template declares.
 */
function eppParameters(model: FileModel): GivenValue[] {
  const manifest = MODULE_MANIFEST.exec(model.path);
  if (!manifest) return [];
  const moduleFolder = manifest[1] === undefined ? '' : `${manifest[1]}/`;
  return model.units.flatMap((unit) =>
    unit.attributes.flatMap(({ value: call }) => {
      const [template, parameters] =
        call.kind === 'call' && call.name === 'epp' ? (call.items ?? []) : [];
      const name = writtenString(template);
      if (name === undefined || parameters?.kind !== 'map') return [];
      const [module, ...inside] = name.split('/');
      if (!unit.within || unit.within.split('::')[0] !== module || inside.includes('..')) return [];
      const application = {
        units: [],
        files: [`${moduleFolder}templates/${inside.join('/')}`],
        asParameters: true,
        line: unit.range.line,
      };
      return (parameters.entries ?? []).map(({ name: parameter, value, range }) => ({
        name: parameter,
        value,
        range,
        origin: 'epp-parameter' as const,
        application,
        scope: unit.within,
      }));
    }),
  );
}
