import { describe, expect, it } from 'vitest';
import { failedSyntaxChecks } from '../../scripts/bench/ansible-lint-output.js';

// Lines as ansible-lint 6.13 prints them with -p, on kubespray with and without the collections.
const RULES_RAN = [
  'roles/bootstrap-os/tasks/main.yml:3: fqcn[action-core]: Use FQCN for builtin module actions (command).',
  'roles/bootstrap-os/tasks/main.yml:3: no-changed-when: Commands should not change things if nothing needs doing.',
].join('\n');
const COLLECTIONS_MISSING = [
  "roles/container-engine/cri-o/tasks/setup-amazon.yaml:16:3: syntax-check[specific]: couldn't resolve module/action 'community.general.ini_file'. This often indicates a misspelling, missing collection, or incorrect module path.",
  "roles/kubernetes/preinstall/tasks/0010-swapoff.yml:10:3: syntax-check[specific]: couldn't resolve module/action 'ansible.posix.mount'. This often indicates a misspelling, missing collection, or incorrect module path.",
].join('\n');

describe("the bench's reading of ansible-lint's output", () => {
  it('says nothing when its rules ran', () => {
    expect(failedSyntaxChecks(RULES_RAN)).toBeUndefined();
    expect(failedSyntaxChecks('')).toBeUndefined();
  });

  it('says that a figure with failed syntax checks leaves out its work, and how to mend it', () => {
    const caveat = failedSyntaxChecks(`${RULES_RAN}\n${COLLECTIONS_MISSING}\n`);
    expect(caveat).toMatch(/^it reported 2 failed syntax checks/);
    expect(caveat).toContain('apt-get install ansible');
  });

  it('does not take a message that merely mentions a syntax check for one', () => {
    const mention =
      'roles/x/tasks/main.yml:4: name[template]: Jinja templates should only be at the end of syntax-check[specific] names';
    expect(failedSyntaxChecks(mention)).toBeUndefined();
  });
});
