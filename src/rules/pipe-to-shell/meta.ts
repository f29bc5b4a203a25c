import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'pipe-to-shell',
  title: 'Remote script piped into a shell',
  severity: 'high',
  category: 'pipe-to-shell',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A script is downloaded and run in one step (`curl ... | sh`, `bash <(wget -O- ...)`), written in the task or resource or in the variable its command comes from. Nothing checks what arrived: whoever controls the server, its DNS or the network path runs code on the host, often as root. A partial download can also run half a script.',
  remediation:
    'Download the script to a file, verify its checksum or signature, then run it; better, install the software from a signed package or pin a release artifact by digest.',
  cwe: 'CWE-494',
  catalog: ['SUP-04'],
};
