/**
 * Modules and resources that were deprecated and then removed, with what replaces them. Code
 * that still calls them runs only on an old release of Ansible, of its collections or of Chef
 * Infra, none of which gets security fixes any more.
 */
import type { Language } from '../../model/model.js';
import { lookupTables } from '../../shared/lookup-table.js';

export interface Removed {
  /** when it went, as the release notes say it */
  removed: string;
  instead: string;
}

export const REMOVED_MODULES: Partial<Record<Language, Readonly<Record<string, Removed>>>> =
  lookupTables({
    ansible: {
      include: {
        removed: 'ansible-core 2.16',
        instead: '`include_tasks` or `import_tasks` (`import_playbook` for plays)',
      },
      docker: { removed: 'Ansible 2.4', instead: '`community.docker.docker_container`' },
      docker_service: { removed: 'Ansible 2.12', instead: '`community.docker.docker_compose_v2`' },
      ec2: { removed: 'amazon.aws 4.0.0', instead: '`amazon.aws.ec2_instance`' },
      ec2_facts: { removed: 'Ansible 2.9', instead: '`amazon.aws.ec2_metadata_facts`' },
      ec2_ami_find: { removed: 'Ansible 2.9', instead: '`amazon.aws.ec2_ami_info`' },
      s3: { removed: 'Ansible 2.9', instead: '`amazon.aws.s3_object`' },
      gce: { removed: 'Ansible 2.12', instead: '`google.cloud.gcp_compute_instance`' },
      azure: { removed: 'Ansible 2.8', instead: '`azure.azcollection.azure_rm_virtualmachine`' },
      digital_ocean: {
        removed: 'community.digitalocean 1.0.0',
        instead: '`community.digitalocean.digital_ocean_droplet`',
      },
      nova_compute: { removed: 'Ansible 2.0', instead: '`openstack.cloud.server`' },
      keystone_user: { removed: 'Ansible 2.0', instead: '`openstack.cloud.identity_user`' },
      glance_image: { removed: 'Ansible 2.0', instead: '`openstack.cloud.image`' },
      win_msi: { removed: 'Ansible 2.8', instead: '`ansible.windows.win_package`' },
      easy_install: { removed: 'community.general 10.0.0', instead: '`ansible.builtin.pip`' },
    },
    chef: {
      easy_install_package: {
        removed: 'Chef Infra 13',
        instead: '`python_package` from poise-python, or `pip` in a venv',
      },
      erl_call: { removed: 'Chef Infra 13', instead: '`execute` running `erl_call`' },
      deploy: {
        removed: 'Chef Infra 14',
        instead: '`git` and `link` resources, or a packaged release',
      },
      deploy_revision: {
        removed: 'Chef Infra 14',
        instead: '`git` and `link` resources, or a packaged release',
      },
      deploy_branch: {
        removed: 'Chef Infra 14',
        instead: '`git` and `link` resources, or a packaged release',
      },
    },
  });
