import type { Rule } from '../rule.js';
import type { Value } from '../../model/model.js';
import { checkArguments, type ArgumentCheck, type Verdict } from '../support/module-arguments.js';
import { configLineChecks, type LineJudge } from '../support/device-config-lines.js';
import { isTrue, literalText } from '../support/values.js';
import { meta } from './meta.js';

const TELNET =
  'lets administrators log in to the device over Telnet: the password and every command cross the network in clear text';
const HTTP =
  "serves the device's management interface over plain HTTP: logins and configuration cross the network in clear text, and the web server is one more service exposed on the device";
const DEFAULT_COMMUNITY =
  "sets the SNMP community everyone tries first; SNMP v1/v2c sends it in clear text, and it gives whoever knows it the device's configuration and counters (and with `RW`, the power to change them)";

/** Weak IKE and IPsec choices, medium: breaking them takes a capture and work, not a login. */
function weakIpsec(problem: string): Verdict {
  return { problem, severity: 'medium' };
}

const WEAK_CIPHER = 'protects the VPN with DES or 3DES, ciphers broken or retired (Sweet32)';
const WEAK_HASH = 'authenticates the VPN with MD5, a broken hash';
const WEAK_GROUP =
  'negotiates VPN keys with a Diffie-Hellman group of 1024 bits or less, which RFC 8247 retires as breakable';
const NULL_CIPHER = 'sends the VPN traffic unencrypted (`esp-null`)';

/** IKE and transform-set words that are weak, with what they do wrong. */
const WEAK_TRANSFORMS: ReadonlyMap<string, string> = new Map([
  ['esp-des', WEAK_CIPHER],
  ['esp-3des', WEAK_CIPHER],
  ['esp-md5-hmac', WEAK_HASH],
  ['ah-md5-hmac', WEAK_HASH],
  ['esp-null', NULL_CIPHER],
]);

/** Cisco IOS, NX-OS, IOS XR, ASA and Arista EOS lines, entered under `parents`. */
const ciscoStyleLine: LineJudge = (line, parents) => {
  const under = (section: RegExp) => parents.some((parent) => section.test(parent));
  const transport = /^transport input (.+)$/.exec(line);
  if (transport && /\b(telnet|all)\b/.test(transport[1] ?? '')) return TELNET;
  if (line === 'feature telnet' || line === 'telnet server enable') return TELNET;
  if (line === 'no shutdown' && under(/^management telnet$/)) return TELNET;
  if (line === 'ip http server' || /^nxapi http port \d+$/.test(line)) return HTTP;
  if (
    /^protocol http( port \d+)?$/.test(line) &&
    under(/^management (api http-commands|http-server)$/)
  )
    return HTTP;
  if (/^snmp-server community (public|private)\b/.test(line)) return DEFAULT_COMMUNITY;
  if (under(/^crypto (isakmp|ikev2|ikev1) (policy|proposal)\b/)) {
    if (/^(encr|encryption)( \S+)* (des|3des)\b/.test(line)) return weakIpsec(WEAK_CIPHER);
    if (/^(hash|integrity)( \S+)* md5\b/.test(line)) return weakIpsec(WEAK_HASH);
    if (/^group( \d+)* (1|2|5)\b/.test(line)) return weakIpsec(WEAK_GROUP);
  }
  const transforms = /^crypto ipsec transform-set \S+ (.+)$/.exec(line);
  if (transforms)
    for (const word of (transforms[1] ?? '').split(' ')) {
      const problem = WEAK_TRANSFORMS.get(word);
      if (problem) return weakIpsec(problem);
    }
  return undefined;
};

/** Junos `set` lines. */
const junosLine: LineJudge = (line) => {
  if (/^set system services telnet\b/.test(line)) return TELNET;
  if (/^set system services web-management http\b/.test(line)) return HTTP;
  if (/^set snmp community (public|private)\b/.test(line)) return DEFAULT_COMMUNITY;
  const proposal = /^set security (ike|ipsec) proposal \S+ (.+)$/.exec(line)?.[2];
  if (!proposal) return undefined;
  if (/^encryption-algorithm (des|3des)-cbc$/.test(proposal)) return weakIpsec(WEAK_CIPHER);
  if (/^authentication-algorithm (md5|hmac-md5-96)$/.test(proposal)) return weakIpsec(WEAK_HASH);
  if (/^dh-group group(1|2|5)$/.test(proposal)) return weakIpsec(WEAK_GROUP);
  return undefined;
};

const deviceLine: LineJudge = (line, parents) =>
  line.startsWith('set ') ? junosLine(line, parents) : ciscoStyleLine(line, parents);

function whenTrue(problem: string): ArgumentCheck['judge'] {
  return (value: Value) => (isTrue(value) ? problem : undefined);
}

function defaultCommunity(value: Value): Verdict | undefined {
  return /^(public|private)$/i.test(literalText(value)?.trim() ?? '')
    ? DEFAULT_COMMUNITY
    : undefined;
}

const CHECKS: readonly ArgumentCheck[] = [
  ...configLineChecks(deviceLine),
  {
    modules: ['nxos_feature'],
    path: ['feature'],
    judge: (value, { siblings }) => {
      const state = siblings.find((attribute) => attribute.name === 'state');
      const enabled = !state || literalText(state.value) === 'enabled';
      return enabled && literalText(value)?.trim().toLowerCase() === 'telnet' ? TELNET : undefined;
    },
  },
  { modules: ['eos_eapi', 'nxos_nxapi'], path: ['http'], judge: whenTrue(HTTP) },
  { modules: ['panos_management_profile'], path: ['telnet'], judge: whenTrue(TELNET) },
  { modules: ['panos_management_profile'], path: ['http'], judge: whenTrue(HTTP) },
  { modules: ['nxos_snmp_community'], path: ['community'], judge: defaultCommunity },
  {
    modules: ['ios_snmp_server', 'nxos_snmp_server', 'eos_snmp_server'],
    path: ['config', 'communities', 'name'],
    judge: defaultCommunity,
  },
];

export const networkDeviceCleartextManagement: Rule = {
  meta,
  check(context) {
    checkArguments(context, CHECKS);
  },
};
