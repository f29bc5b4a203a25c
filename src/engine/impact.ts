/**
 * The security impact of a change, whether or not a rule fires: which security surfaces
 * (users and privileges, SSH, sudo, firewall, TLS, package sources, secrets, file permissions,
 * services, containers, host security controls) the change touches, read from the models of
 * the base and the head version of each changed file. A surface is touched when what the two
 * versions say about it differs; code that only moves keeps its text and touches nothing.
 */
import { createHash } from 'node:crypto';
import { severityRank, type Finding } from '../model/finding.js';
import { normaliseLineText } from './fingerprint.js';
import type { Attribute, FileModel, SourceRange, Unit, Value, Variable } from '../model/model.js';
import { assignmentRange } from '../rules/support/assignments.js';
import { isSecretName, nameWords } from '../rules/support/names.js';
import { KNOWN_TOKEN, PRIVATE_KEY_BLOCK } from '../rules/support/secrets.js';

import { type RiskLevel, type Surface, SURFACES } from '../model/risk.js';

/** Surfaces whose change alone makes a pull request medium risk; the others alone stay low. */
const MEDIUM_RISK_SURFACES: ReadonlySet<Surface> = new Set(
  SURFACES.filter((surface) => surface !== 'file-permissions' && surface !== 'services'),
);

/**
 * high: the change adds a critical or high finding; medium: it adds a medium finding or touches
 * a sensitive surface; low: anything else.
 */
export function assessRisk(
  addedFindings: readonly Pick<Finding, 'severity'>[],
  touched: readonly Surface[],
): RiskLevel {
  if (addedFindings.some((finding) => severityRank(finding.severity) >= severityRank('high')))
    return 'high';
  if (addedFindings.some((finding) => finding.severity === 'medium')) return 'medium';
  return touched.some((surface) => MEDIUM_RISK_SURFACES.has(surface)) ? 'medium' : 'low';
}

/** One place a file says something about a surface, with the normalised text that says it. */
export interface SurfaceEvidence {
  surface: Surface;
  line: number;
  text: string;
}

export interface SurfaceLocation {
  path: string;
  line: number;
  /** `head` for what the change adds or rewrites, `base` for what it removes */
  version: 'head' | 'base';
}

/** Enough places to point a reader at; the rest are counted. */
export const MAX_SURFACE_LOCATIONS = 20;

export interface SurfaceChange {
  surface: Surface;
  /** the first places that touch the surface, in path and line order (at most `MAX_SURFACE_LOCATIONS`) */
  locations: SurfaceLocation[];
  /** how many places touch it in all */
  locationCount: number;
  /** stable digest of the texts that differ, so a later push that changes them is recognised */
  digest: string;
}

/**
 * The surfaces the change touches, in `SURFACES` order, read from the models `analyze` keeps
 * (`keepModels`) of the base and the head versions: the files the policy keeps in scope, by
 * path. `base` holds the base versions of the changed files under their head path (so a rename
 * compares like with like); a file absent from one side was added, removed, or not readable.
 */
export function describeImpact(
  base: ReadonlyMap<string, FileModel>,
  head: ReadonlyMap<string, FileModel>,
): SurfaceChange[] {
  const changes = new Map<
    Surface,
    { locations: SurfaceLocation[]; seen: Set<string>; texts: string[] }
  >();
  for (const path of [...new Set([...base.keys(), ...head.keys()])].sort()) {
    const before = evidenceOf(base.get(path));
    const after = evidenceOf(head.get(path));
    for (const [evidence, version] of [
      ...unmatched(after, before).map((item) => [item, 'head'] as const),
      ...unmatched(before, after).map((item) => [item, 'base'] as const),
    ]) {
      let change = changes.get(evidence.surface);
      if (!change)
        changes.set(evidence.surface, (change = { locations: [], seen: new Set(), texts: [] }));
      const place = `${version}\0${path}\0${evidence.line}`;
      if (!change.seen.has(place)) {
        change.seen.add(place);
        if (change.locations.length < MAX_SURFACE_LOCATIONS)
          change.locations.push({ path, line: evidence.line, version });
      }
      change.texts.push(`${version}\0${path}\0${evidence.text}`);
    }
  }
  return SURFACES.filter((surface) => changes.has(surface)).map((surface) => {
    const change = changes.get(surface) as {
      locations: SurfaceLocation[];
      seen: Set<string>;
      texts: string[];
    };
    return {
      surface,
      locations: change.locations,
      locationCount: change.seen.size,
      digest: digestOf(change.texts),
    };
  });
}

function evidenceOf(model: FileModel | undefined): SurfaceEvidence[] {
  return model ? surfaceEvidence(model) : [];
}

/** Items of `from` with no equal item (same surface and text) left in `other`, counting repeats. */
function unmatched(
  from: readonly SurfaceEvidence[],
  other: readonly SurfaceEvidence[],
): SurfaceEvidence[] {
  const available = new Map<string, number>();
  for (const item of other) available.set(keyOf(item), (available.get(keyOf(item)) ?? 0) + 1);
  return from.filter((item) => {
    const left = available.get(keyOf(item)) ?? 0;
    if (left === 0) return true;
    available.set(keyOf(item), left - 1);
    return false;
  });
}

function keyOf(item: SurfaceEvidence): string {
  return `${item.surface}\0${item.text}`;
}

function digestOf(texts: readonly string[]): string {
  return createHash('sha256')
    .update([...texts].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/**
 * What a file model says about each surface: the whole task or resource when its type, a path or
 * a command it holds concerns the surface; otherwise just the arguments and keywords that do
 * (a `mode:`, a `become:`, a `validate_certs:`), so that editing a task's other arguments does
 * not count as touching its permissions; and each variable whose name concerns one.
 */
function surfaceEvidence(model: FileModel): SurfaceEvidence[] {
  const evidence: SurfaceEvidence[] = [];
  const add = (surfaces: Iterable<Surface>, range: SourceRange, context = '') => {
    const text = `${context}${textOf(model, range)}`;
    for (const surface of surfaces) evidence.push({ surface, line: range.line, text });
  };
  for (const unit of model.units) {
    const whole =
      unit.kind === 'play' || unit.kind === 'block' ? new Set<Surface>() : wholeUnitSurfaces(unit);
    add(whole, unit.range);
    // A play or block spans its tasks; only its own keywords are about it.
    for (const keyword of unit.keywords)
      if (PRIVILEGE_KEYWORDS.has(keyword.name) && !whole.has('users-and-privileges'))
        add(['users-and-privileges'], assignmentRange(keyword), `${unit.type}: `);
    if (unit.kind === 'play' || unit.kind === 'block') continue;
    for (const attribute of unit.attributes) {
      const partial = [...argumentSurfaces(unit, attribute)].filter(
        (surface) => !whole.has(surface),
      );
      if (partial.length > 0) add(partial, assignmentRange(attribute), `${unit.type}: `);
    }
  }
  for (const variable of model.variables) add(variableSurfaces(variable), variable.range);
  return evidence;
}

function textOf(model: FileModel, range: SourceRange): string {
  const last =
    range.endLine > range.line && range.endColumn <= 1 ? range.endLine - 1 : range.endLine;
  return model.lines
    .slice(range.line - 1, Math.max(range.line, last))
    .map(normaliseLineText)
    .filter((line) => line !== '')
    .join('\n');
}

const PRIVILEGE_KEYWORDS = new Set([
  'become',
  'become_user',
  'become_method',
  'become_flags',
  'remote_user',
]);

/** Module and resource types by the surface they manage (short names, all languages). */
const TYPE_SURFACES: ReadonlyMap<string, readonly Surface[]> = new Map<string, Surface[]>([
  ...typeList(
    [
      'user',
      'group',
      'win_user',
      'win_group',
      'win_group_membership',
      'getent',
      'pam_limits',
      'pamd',
      'mysql_user',
      'postgresql_user',
      'postgresql_privs',
      'mssql_login',
      'ldap_entry',
      'ipa_user',
      'users',
    ],
    'users-and-privileges',
  ),
  ['authorized_key', ['ssh', 'users-and-privileges']],
  ['ssh_authorized_key', ['ssh', 'users-and-privileges']],
  ...typeList(
    [
      'openssh_keypair',
      'openssh_cert',
      'known_hosts',
      'sshkey',
      'ssh_config',
      'sshd_config',
      'ssh_keygen',
    ],
    'ssh',
  ),
  ...typeList(['sudoers', 'sudo'], 'sudo'),
  ...typeList(
    [
      'ufw',
      'firewalld',
      'iptables',
      'ip6tables',
      'nftables',
      'iptables_state',
      'firewall',
      'firewallchain',
      'seport',
      'win_firewall',
      'win_firewall_rule',
      'sysctl',
      'firewall_rule',
    ],
    'firewall-and-network',
  ),
  ...typeList(
    [
      'selinux',
      'seboolean',
      'sefcontext',
      'selinux_permissive',
      'selogin',
      'aa_profile',
      'apparmor',
      'auditd',
      'audit_rule',
    ],
    'security-controls',
  ),
  ...typeList(
    [
      'apt_repository',
      'apt_key',
      'deb822_repository',
      'yum_repository',
      'rpm_key',
      'zypper_repository',
      'dnf_config_manager',
      'yumrepo',
      'apt_source',
      'package_source',
      'pip_repository',
      'gem_source',
      'chocolatey_source',
      'win_chocolatey_source',
    ],
    'package-sources',
  ),
  ...typeList(
    [
      'openssl_privatekey',
      'openssl_csr',
      'openssl_certificate',
      'openssl_dhparam',
      'openssl_pkcs12',
      'openssl_publickey',
      'x509_certificate',
      'x509_crl',
      'acme_certificate',
      'java_cert',
      'java_keystore',
      'certificate_complete_chain',
      'get_certificate',
      'win_certificate_store',
      'ssl_certificate',
    ],
    'tls-and-crypto',
  ),
  ...typeList(
    [
      'service',
      'systemd',
      'systemd_service',
      'systemd_unit',
      'sysvinit',
      'win_service',
      'runit',
      'supervisorctl',
      'launchd',
      'openrc',
    ],
    'services',
  ),
  ...typeList(
    ['k8s', 'helm', 'kubernetes', 'k8s_info', 'podman_container', 'podman_image', 'podman_pod'],
    'containers',
  ),
  ...typeList(['acl', 'win_acl', 'win_acl_inheritance'], 'file-permissions'),
]);

function typeList(types: readonly string[], surface: Surface): Array<[string, Surface[]]> {
  return types.map((type) => [type, [surface]]);
}

const TYPE_PREFIXES: ReadonlyArray<[RegExp, Surface]> = [
  [/^(docker|podman|containerd|k8s_|kube)/, 'containers'],
  [/^(openssl_|x509_|acme_|letsencrypt)/, 'tls-and-crypto'],
  [/^(selinux|apparmor)/, 'security-controls'],
];

/** Paths, commands and settings inside a task or resource, by the surface they touch. */
const TEXT_SURFACES: ReadonlyArray<[RegExp, Surface]> = [
  [
    /\/etc\/ssh\b|\bsshd?_config\b|\bauthorized_keys\b|\bssh-keygen\b|\b(PermitRootLogin|PasswordAuthentication|PubkeyAuthentication|ChallengeResponseAuthentication|KbdInteractiveAuthentication|PermitEmptyPasswords|AllowUsers|AllowGroups|X11Forwarding|AllowTcpForwarding)\b|^sshd?(\.service)?$/m,
    'ssh',
  ],
  [/\/etc\/sudoers\b|\bvisudo\b|\bNOPASSWD\b/, 'sudo'],
  [
    /\/etc\/(passwd|shadow|group|gshadow|login\.defs|security\/|pam\.d\/)|\b(useradd|usermod|userdel|groupadd|groupmod|chpasswd|gpasswd)\b/,
    'users-and-privileges',
  ],
  [
    /\/etc\/(iptables|nftables|ufw|firewalld|hosts\.(allow|deny)|sysconfig\/ip6?tables)|\b(iptables|ip6tables|nft|ufw|firewall-cmd)\s|^(firewalld|ufw|iptables|nftables)(\.service)?$/m,
    'firewall-and-network',
  ],
  [
    /\/etc\/(selinux|audit|apparmor)|\b(setenforce|auditctl|aa-complain|aa-disable)\b|^(auditd|apparmor)(\.service)?$/m,
    'security-controls',
  ],
  [
    /\/etc\/(yum\.repos\.d|apt\/(sources\.list|trusted\.gpg|keyrings)|zypp\/repos\.d|pki\/rpm-gpg)|\bsources\.list\b|\b(apt-key|add-apt-repository|yum-config-manager)\b|\brpm --import\b/,
    'package-sources',
  ],
  [
    /\/etc\/(ssl|pki\/tls|letsencrypt)\b|\.(pem|crt|csr|p12|pfx|jks)\b|\bupdate-ca-(certificates|trust)\b|\bopenssl\s/,
    'tls-and-crypto',
  ],
  [
    /\/etc\/systemd\/|\/etc\/init\.d\/|\.service\b|\bsystemctl\s+(enable|disable|mask|unmask|start|stop|restart)\b/,
    'services',
  ],
  [
    /\/etc\/(docker|containers)\b|\bdocker(-compose)?\s|\bpodman\s|\bkubectl\s|\bcompose\.ya?ml\b|\bDockerfile\b/,
    'containers',
  ],
  [/\bchmod\s|\bchown\s/, 'file-permissions'],
];

/** Arguments that set who owns a file and who may use it. */
const PERMISSION_ARGUMENTS = new Set([
  'mode',
  'owner',
  'group',
  'seuser',
  'serole',
  'setype',
  'selevel',
  'attributes',
  'attr',
  'rights',
  'directory_mode',
  'file_mode',
]);
const USER_TYPES = new Set(['user', 'group', 'win_user', 'win_group', 'users']);
/** Argument name words that make the argument about TLS (`validate_certs`, `ssl_verify`, `tls_ca`). */
const TLS_ARGUMENT_WORDS = ['ssl', 'tls', 'cert', 'certs', 'sslverify', 'cipher', 'ciphers'];

/** Key words by surface, for variables and for a task's argument names. */
const WORD_SURFACES: ReadonlyArray<[ReadonlySet<string>, Surface]> = [
  [new Set(['ssh', 'sshd', 'openssh', 'authorized']), 'ssh'],
  [new Set(['sudo', 'sudoers', 'nopasswd']), 'sudo'],
  [
    new Set([
      'user',
      'users',
      'username',
      'group',
      'groups',
      'uid',
      'gid',
      'become',
      'account',
      'accounts',
      'login',
      'privilege',
      'privileges',
      'wheel',
      'pam',
      'sudoer',
    ]),
    'users-and-privileges',
  ],
  [
    new Set([
      'firewall',
      'firewalld',
      'iptables',
      'ip6tables',
      'nftables',
      'ufw',
      'port',
      'ports',
      'listen',
      'bind',
      'interface',
      'interfaces',
      'cidr',
      'subnet',
      'ingress',
      'egress',
      'expose',
      'exposed',
    ]),
    'firewall-and-network',
  ],
  [
    new Set([
      'ssl',
      'tls',
      'cert',
      'certs',
      'certificate',
      'certificates',
      'cipher',
      'ciphers',
      'x509',
      'pki',
      'hsts',
      'crypto',
      'openssl',
      'sslverify',
    ]),
    'tls-and-crypto',
  ],
  [
    new Set([
      'repo',
      'repos',
      'repository',
      'repositories',
      'mirror',
      'mirrors',
      'gpgkey',
      'gpgcheck',
      'keyring',
      'keyserver',
    ]),
    'package-sources',
  ],
  [
    new Set(['selinux', 'apparmor', 'audit', 'auditd', 'aide', 'fail2ban', 'seccomp']),
    'security-controls',
  ],
  [
    new Set([
      'docker',
      'podman',
      'container',
      'containers',
      'registry',
      'k8s',
      'kubernetes',
      'kubelet',
      'containerd',
    ]),
    'containers',
  ],
  [new Set(['service', 'services', 'systemd', 'daemon', 'daemons']), 'services'],
  [new Set(['mode', 'umask', 'permissions', 'perms', 'chmod', 'owner']), 'file-permissions'],
];

/** Surfaces a task or resource concerns as a whole: by its type, or by a path or command it holds. */
function wholeUnitSurfaces(unit: Unit): Set<Surface> {
  const surfaces = new Set<Surface>(TYPE_SURFACES.get(unit.type) ?? []);
  for (const [prefix, surface] of TYPE_PREFIXES) if (prefix.test(unit.type)) surfaces.add(surface);
  // A resource's title is often the path it manages; a task's name is prose.
  const texts = [
    ...(unit.kind === 'resource' && unit.name ? [unit.name] : []),
    ...unit.attributes.flatMap((attribute) => literalTexts(attribute.value)),
  ];
  for (const [pattern, surface] of TEXT_SURFACES)
    if (texts.some((text) => pattern.test(text))) surfaces.add(surface);
  return surfaces;
}

/** Surfaces one argument of a task or resource concerns by its name. */
function argumentSurfaces(unit: Unit, attribute: Attribute): Set<Surface> {
  const surfaces = new Set<Surface>();
  if (!USER_TYPES.has(unit.type) && PERMISSION_ARGUMENTS.has(attribute.name))
    surfaces.add('file-permissions');
  for (const nested of allAttributes([attribute])) {
    const words = nameWords(nested.name);
    if (TLS_ARGUMENT_WORDS.some((word) => words.includes(word))) surfaces.add('tls-and-crypto');
    if (isSecretName(nested.name) && nested.value.kind !== 'null') surfaces.add('secrets');
  }
  return surfaces;
}

function variableSurfaces(variable: Variable): Set<Surface> {
  const surfaces = new Set<Surface>();
  const words = new Set(variable.path.flatMap((key) => nameWords(key)));
  for (const [vocabulary, surface] of WORD_SURFACES)
    if ([...words].some((word) => vocabulary.has(word))) surfaces.add(surface);
  const literal = typeof variable.value.value === 'string' ? variable.value.value : '';
  if (
    isSecretName(variable.name) ||
    variable.value.kind === 'encrypted' ||
    PRIVATE_KEY_BLOCK.test(literal) ||
    KNOWN_TOKEN.test(literal)
  )
    surfaces.add('secrets');
  return surfaces;
}

function allAttributes(attributes: readonly Attribute[]): Attribute[] {
  return attributes.flatMap((attribute) => [
    attribute,
    ...(attribute.value.kind === 'map' ? allAttributes(attribute.value.entries ?? []) : []),
  ]);
}

function literalTexts(value: Value): string[] {
  if (typeof value.value === 'string') return [value.value];
  if (value.kind === 'map')
    return (value.entries ?? []).flatMap((entry) => literalTexts(entry.value));
  if (value.kind === 'list' || value.kind === 'call')
    return (value.items ?? []).flatMap(literalTexts);
  return value.kind === 'expression' || value.kind === 'reference' ? [value.text] : [];
}
