import { describe, expect, it } from 'vitest';
import { isChefCookbookPath } from '../../../src/parsers/chef/parse-chef.js';

describe('isChefCookbookPath', () => {
  it.each([
    'recipes/default.rb',
    'cookbooks/nginx/recipes/default.rb',
    'cookbooks/nginx/attributes/default.rb',
    'site-cookbooks/app/resources/config.rb',
    'app/resources/partial/_base.rb',
    'app/providers/site.rb',
    'app/libraries/helpers.rb',
    'cookbooks/app/metadata.rb',
    'metadata.rb',
  ])('accepts %s', (path) => {
    expect(isChefCookbookPath(path, `package 'x'`)).toBe(true);
  });

  it.each([
    'lib/puppet/type/mysql_user.rb',
    'lib/puppet/provider/mysql_user/mysql.rb',
    'lib/facter/mysql_version.rb',
    'spec/classes/nginx_spec.rb',
    'spec/unit/recipes/default_spec.rb',
    'test/integration/default/controls/default_spec.rb',
    'test/fixtures/cookbooks/test/recipes/default.rb',
    'Rakefile',
    'Gemfile',
    'Vagrantfile',
    'Berksfile',
    'Policyfile.rb',
    'cookbooks/app/recipes/default.erb',
    'cookbooks/app/files/default/script.rb',
  ])('rejects %s', (path) => {
    expect(isChefCookbookPath(path, `package 'x'`)).toBe(false);
  });

  it('rejects Puppet Ruby wherever it sits', () => {
    expect(
      isChefCookbookPath('modules/x/resources/type.rb', 'Puppet::Type.newtype(:x) do\nend\n'),
    ).toBe(false);
  });
});
