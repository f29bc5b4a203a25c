import type { FormatSpec } from '../format-spec.js';

/** How packages update themselves: APT's periodic jobs. */
export const UPDATE_FORMATS: readonly FormatSpec[] = [
  {
    format: 'apt-conf',
    label: 'APT configuration',
    // `APT::Periodic::Unattended-Upgrade "1";` names the option with `::`, which no keyword
    // reader takes: each line is read whole and the rule splits it.
    syntax: 'rule-lines',
    files:
      '`20auto-upgrades`, `10periodic`, `*auto-upgrades*`, or deployed to `/etc/apt/apt.conf.d/`',
    checks: 'unattended security upgrades turned off (`automatic-updates-disabled`)',
    name: /^\d*[\w-]*(auto-upgrades|periodic)(\.conf)?$/i,
    destination: /^\/etc\/apt\/apt\.conf\.d\/[^/]+$/,
  },
];
