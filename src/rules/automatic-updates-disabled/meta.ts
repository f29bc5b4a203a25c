import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'automatic-updates-disabled',
  title: 'Automatic security updates turned off',
  severity: 'low',
  category: 'security-control-disabled',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'The code stops or disables the service that installs security updates on its own (`unattended-upgrades`, `apt-daily-upgrade.timer`, `dnf-automatic.timer`, `dnf-automatic-install.timer`, `yum-cron`), or sets `APT::Periodic::Unattended-Upgrade "0"` in the APT configuration it deploys. Hosts then keep known, published holes until someone patches them by hand. A service stopped under a condition (`when:`, an `if` around the resource) is an option the code offers and is not flagged.',
  remediation:
    'Leave automatic security updates on (`APT::Periodic::Unattended-Upgrade "1"`, `dnf-automatic-install.timer` enabled) and limit them to the security origin if full upgrades are the worry; if a fleet is patched another way, say so in a comment and suppress the finding with the reason.',
  cwe: 'CWE-1104',
  catalog: ['HARD-14'],
};
