/**
 * What configuration code can ask about the host it runs on: the automatic attributes Ohai sets
 * in Chef (`node['platform']`), Puppet's fact hashes (`$facts`, `$trusted`) and the legacy
 * top-scope facts manifests and ERB templates still read (`$::osfamily`, `@osfamily`). A
 * condition that reads only these, compared with literals, picks hosts (each language's
 * `host-test.ts`).
 */

export const OHAI_ATTRIBUTES: readonly string[] = [
  'platform',
  'platform_family',
  'platform_version',
  'platform_build',
  'os',
  'os_version',
  'kernel',
  'hostname',
  'fqdn',
  'domain',
  'machinename',
  'virtualization',
  'cloud',
  'ec2',
  'gce',
  'azure',
  'lsb',
  'init_package',
  'cpu',
  'memory',
  'ipaddress',
  'macaddress',
  'network',
  'dmi',
  'shells',
];

export const PUPPET_FACT_HASHES: readonly string[] = ['facts', 'trusted', 'server_facts'];

export const PUPPET_LEGACY_FACTS: readonly string[] = [
  'architecture',
  'domain',
  'fqdn',
  'hardwaremodel',
  'hostname',
  'is_virtual',
  'kernel',
  'kernelmajversion',
  'kernelrelease',
  'kernelversion',
  'lsbdistcodename',
  'lsbdistid',
  'lsbdistrelease',
  'lsbmajdistrelease',
  'os',
  'osfamily',
  'operatingsystem',
  'operatingsystemmajrelease',
  'operatingsystemrelease',
  'virtual',
];

/**
 * The comparisons Puppet and Ruby share, which a condition may apply to host facts and
 * literals and still only pick hosts; each language adds its own joining words and operators.
 */
export const SHARED_COMPARISONS: readonly string[] = ['==', '!=', '<', '<=', '>', '>=', '=~', '!~'];
