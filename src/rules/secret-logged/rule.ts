import type { Rule } from '../rule.js';
import { checkAnsibleCfg } from './ansible-cfg.js';
import { checkAnsibleTasks } from './ansible-tasks.js';
import { checkChefResources } from './chef-resources.js';
import { checkPuppetResources } from './puppet-resources.js';
import { meta } from './meta.js';

export const secretLogged: Rule = {
  meta,
  check(context) {
    if (context.file.language === 'ansible') {
      checkAnsibleTasks(context);
      checkAnsibleCfg(context);
    } else if (context.file.language === 'chef') checkChefResources(context);
    else if (context.file.language === 'puppet') checkPuppetResources(context);
  },
};
