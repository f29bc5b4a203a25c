/**
 * Puppet modules from the Forge that write a daemon's configuration from a hash parameter, each
 * key a directive and each value its value: a control repository declares the class with the
 * hash (`class { 'ssh::server': options => { 'PermitRootLogin' => 'yes' } }`) or sets it in
 * Hiera (`ssh::server_options:`), and r10k or a Puppetfile installs the module's code at deploy
 * time, so the run does not hold it. Read from each module's published source.
 */
import type { ConfigFormat } from '../../model/model.js';

export interface OptionHash {
  /** the class, as a declaration or a Hiera key names it without the leading `::` */
  className: string;
  /** the parameter that holds the options */
  parameter: string;
  /** the file the module writes them into, as the rules know it */
  format: ConfigFormat;
  /** where the module writes them, in its source */
  source: string;
}

/**
 * saz/ssh (templates/options.erb, written by `ssh::server::config` and `ssh::client::config`):
 * each key on its own line with its value, `true` and `false` as `yes` and `no`, an array as one
 * line per item, a hash as a block (`Match User sftp`, `Host *.example.com`) after the other
 * keys; `''` and `undef` are not written. The `ssh` class hands `server_options` and
 * `client_options` to those classes' `options`.
 */
const SAZ_SSH_SOURCE = 'saz/puppet-ssh, templates/options.erb';

export const OPTION_HASHES: readonly OptionHash[] = [
  { className: 'ssh::server', parameter: 'options', format: 'sshd', source: SAZ_SSH_SOURCE },
  { className: 'ssh', parameter: 'server_options', format: 'sshd', source: SAZ_SSH_SOURCE },
  { className: 'ssh::client', parameter: 'options', format: 'ssh', source: SAZ_SSH_SOURCE },
  { className: 'ssh', parameter: 'client_options', format: 'ssh', source: SAZ_SSH_SOURCE },
];

const byParameter = new Map(
  OPTION_HASHES.map((hash) => [`${hash.className}::${hash.parameter}`, hash]),
);

/** The option hash a class parameter is (`ssh::server`, `options`); undefined for any other. */
export function optionHashOf(className: string, parameter: string): OptionHash | undefined {
  return byParameter.get(`${className.replace(/^::/, '')}::${parameter}`);
}
