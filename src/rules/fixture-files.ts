/** The fixture files of a rule's folder, for the tests that run rules on their fixtures. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A fixture's name says what it is: `positive.yml`, `negative-ssh_config.j2`; files read by their
 * name carry it last (`positive.ansible.cfg`, `negative.Puppetfile`), and INI inventories and data
 * bag items sit where those live (`inventory/positive.ini`, `data_bags/users/positive.json`).
 */
const FIXTURE_FILE =
  /^(positive|negative|uses)[\w.-]*\.(ya?ml|pp|rb|j2|erb|epp|conf|ini|cfg|json|Puppetfile|Berksfile)$/;

export function fixtureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return FIXTURE_FILE.test(entry) ? [path] : [];
  });
}
