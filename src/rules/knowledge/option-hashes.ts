/**
 * Puppet modules from the Forge that write a daemon's configuration from a hash parameter, each
 * key a directive and each value its value: a control repository declares the class with the
 * hash (`class { 'ssh::server': options => { 'PermitRootLogin' => 'yes' } }`) or sets it in
 * Hiera (`ssh::server_options:`), and r10k or a Puppetfile installs the module's code at deploy
 * time, so the run does not hold it. Read from each module's published source.
 */
import type { ConfigFormat } from '../../model/model.js';

/**
 * - `keywords`: each key on its own line with its value (`PermitRootLogin yes`), `true` and
 *   `false` as `yes` and `no`, an array as one line per item, a hash as a block headed by its
 *   key (`Match User sftp`, `Host *.example.com`) after the other keys; `''` and `undef` are not
 *   written.
 * - `ini-sections`: each key a `[section]` whose hash is written below it, `key = value`, `true`
 *   and `''` as the bare key (a flag such as `skip-grant-tables`), an array as one line per
 *   item; `undef` is not written, nor a key that is no hash.
 */
export type OptionLayout = 'keywords' | 'ini-sections';

export interface OptionHash {
  /** the class, as a declaration or a Hiera key names it without the leading `::` */
  className: string;
  /** the parameter that holds the options */
  parameter: string;
  /** the file the module writes them into, as the rules know it */
  format: ConfigFormat;
  /** how the module lays the hash out in the file (see `OptionLayout`) */
  layout: OptionLayout;
  /** where the module writes them, in its source */
  source: string;
}

/**
 * saz/ssh writes `ssh::server`'s and `ssh::client`'s `options` with templates/options.erb, as
 * `keywords`; the `ssh` class hands its `server_options` and `client_options` to them.
 */
const SAZ_SSH = { layout: 'keywords', source: 'saz/puppet-ssh, templates/options.erb' } as const;

/**
 * puppetlabs/mysql writes `mysql::server`'s `override_options` (over its defaults) or `options`
 * (instead of them) into my.cnf with templates/my.cnf.epp, as `ini-sections`; a section that sets
 * `ssl-disable` to true drops its `ssl` keys, and one that sets `ssl` to false its `ssl-` keys.
 */
const PUPPETLABS_MYSQL = {
  layout: 'ini-sections',
  source: 'puppetlabs/puppetlabs-mysql, templates/my.cnf.epp',
} as const;

export const OPTION_HASHES: readonly OptionHash[] = [
  { className: 'ssh::server', parameter: 'options', format: 'sshd', ...SAZ_SSH },
  { className: 'ssh', parameter: 'server_options', format: 'sshd', ...SAZ_SSH },
  { className: 'ssh::client', parameter: 'options', format: 'ssh', ...SAZ_SSH },
  { className: 'ssh', parameter: 'client_options', format: 'ssh', ...SAZ_SSH },
  {
    className: 'mysql::server',
    parameter: 'override_options',
    format: 'mysql',
    ...PUPPETLABS_MYSQL,
  },
  { className: 'mysql::server', parameter: 'options', format: 'mysql', ...PUPPETLABS_MYSQL },
];

const byParameter = new Map(
  OPTION_HASHES.map((hash) => [`${hash.className}::${hash.parameter}`, hash]),
);

/** The option hash a class parameter is (`ssh::server`, `options`); undefined for any other. */
export function optionHashOf(className: string, parameter: string): OptionHash | undefined {
  return byParameter.get(`${className.replace(/^::/, '')}::${parameter}`);
}
