import type { Rule } from '../rule.js';
import type { Value } from '../../model/model.js';
import { checkArguments, type ArgumentCheck, type Verdict } from '../support/module-arguments.js';
import { configLineChecks } from '../support/device-config-lines.js';
import { isFalse, literalText } from '../support/values.js';
import { meta } from './meta.js';

function whenFalse(problem: Verdict): ArgumentCheck['judge'] {
  return (value: Value) => (isFalse(value) ? problem : undefined);
}

function medium(problem: string): Verdict {
  return { problem, severity: 'medium' };
}

const ACCESS_LOGS_OFF = medium(
  "turns the load balancer's access logs off: no record of who sent which request, for an investigation or an alert",
);

const CHECKS: readonly ArgumentCheck[] = [
  {
    modules: ['cloudtrail'],
    path: ['enable_logging'],
    judge: whenFalse(
      "stops the CloudTrail trail: API calls in the account, an attacker's included, are no longer recorded",
    ),
  },
  {
    modules: ['cloudtrail'],
    path: ['state'],
    judge: (value) =>
      literalText(value) === 'absent'
        ? medium('deletes the CloudTrail trail and with it the record of API calls it would keep')
        : undefined,
    whenRemoved: true,
  },
  {
    modules: ['s3_logging'],
    path: ['state'],
    judge: (value) =>
      literalText(value) === 'absent'
        ? medium(
            'turns server access logging off for the bucket: reads and writes of its objects are no longer recorded',
          )
        : undefined,
    whenRemoved: true,
  },
  {
    modules: ['elb_classic_lb'],
    path: ['access_logs', 'enabled'],
    judge: whenFalse(ACCESS_LOGS_OFF),
  },
  {
    modules: ['elb_application_lb', 'elb_network_lb'],
    path: ['access_logs_enabled'],
    judge: whenFalse(ACCESS_LOGS_OFF),
  },
  {
    modules: ['panos_security_rule'],
    path: ['log_end'],
    judge: whenFalse(
      medium(
        'stops the firewall logging the sessions the rule matches: traffic it allows leaves no record',
      ),
    ),
  },
  {
    modules: ['gcp_compute_firewall', 'gcp_compute_subnetwork'],
    path: ['log_config', 'enable'],
    judge: whenFalse(medium('turns flow logging off: the connections it sees leave no record')),
  },
  ...configLineChecks((line) =>
    line === 'no logging on' || line === 'no logging'
      ? medium(
          "turns the device's logging off: logins, configuration changes and errors leave no record",
        )
      : undefined,
  ),
];

export const cloudAuditLoggingDisabled: Rule = {
  meta,
  check(context) {
    checkArguments(context, CHECKS);
  },
};
