/**
 * Which files are Chef's: Ruby in a cookbook's folders (`recipes/`, `attributes/`, `resources/`,
 * `providers/`, `libraries/`, `metadata.rb`), roles, environments and nodes (`roles/web.json`,
 * `environments/prod.rb`), data bag items (`data_bags/<bag>/<item>.json`) and the Berksfile.
 * Cookbooks kept under test folders are test code, read and reported apart.
 */
import type { Recognition } from '../language.js';
import { isTestFolder } from '../test-code.js';
import { isChefCookbookPath } from '../../parsers/chef/cookbook-path.js';
import { isDataBagItem, isRoleFile } from '../../parsers/chef/file-names.js';
import { isChefRoleText } from '../../parsers/chef/roles.js';
import { isBerksfile } from '../../parsers/dependencies/file-names.js';
import { LANGUAGE_FILES } from '../files.js';
import type { PathClaim, Recognising } from '../language.js';

const RUBY_FILE = /\.rb$/i;

const { namedFiles } = LANGUAGE_FILES.chef;

export const recognition: Recognising = {
  file(path, content): Recognition | undefined {
    if (isRoleFile(path))
      return isChefRoleText(path, content)
        ? { language: 'chef', reason: 'a Chef role, environment or node' }
        : { language: undefined, reason: 'JSON without the keys of a Chef role', forceAs: 'chef' };
    if (RUBY_FILE.test(path)) {
      if (isChefCookbookPath(path, content))
        return { language: 'chef', reason: 'Ruby in a Chef cookbook' };
      return {
        language: undefined,
        reason:
          'Ruby outside the folders of a Chef cookbook (recipes/, attributes/, resources/, providers/, libraries/, metadata.rb), or Puppet, test or tool code',
        forceAs: 'chef',
      };
    }
    if (isBerksfile(path))
      return { language: 'chef', reason: 'a Berksfile (the cookbooks Berkshelf installs)' };
    if (isDataBagItem(path)) return { language: 'chef', reason: 'a Chef data bag item' };
    return undefined;
  },

  pathClaim(path): PathClaim | undefined {
    if (namedFiles(path)) return 'name';
    return RUBY_FILE.test(path) && isChefCookbookPath(path, '') ? 'folder' : undefined;
  },

  testCode: isTestCookbookFile,

  mayBeAnalysed: (path) =>
    namedFiles(path) ||
    (RUBY_FILE.test(path) && (isChefCookbookPath(path, '') || isTestCookbookFile(path, ''))),
};

/**
 * A file of a cookbook kept under a test folder (`test/fixtures/cookbooks/test/recipes/default.rb`,
 * `test/cookbooks/app_test/metadata.rb`).
 */
function isTestCookbookFile(path: string, content: string): boolean {
  const segments = path.replace(/\\/g, '/').split('/');
  const cookbooks = segments.lastIndexOf('cookbooks');
  if (cookbooks < 1 || !segments.slice(0, cookbooks).some(isTestFolder)) return false;
  const withinCookbook = segments.slice(cookbooks + 2).join('/');
  return withinCookbook !== '' && isChefCookbookPath(withinCookbook, content);
}
