import { atLeast, type Finding } from '../model/finding.js';
import type { FileModel } from '../model/model.js';
import { CrossFile } from './variables/cross-file.js';
import { DEFAULT_PROFILE, inProfile, type Profile } from '../rules/profiles.js';
import type { ActiveRule } from '../policy/resolve-rules.js';
import type { Report, VariableDefinition } from '../rules/rule.js';

/**
 * Runs the active rules on one file under a profile; one finding per rule and line at most. A
 * report's own severity lowers the rule's, never raises it. Reports a rule makes about a
 * definition in another file wait in `crossFile` until that file is analysed; the ones waiting
 * for this file become its findings after its own.
 */
export function runRules(
  model: FileModel,
  active: readonly ActiveRule[],
  profile: Profile = DEFAULT_PROFILE,
  crossFile: CrossFile = CrossFile.alone(),
  { takeWaiting = true }: { takeWaiting?: boolean } = {},
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const resolver = crossFile.resolverFor(model);
  const runsUnder = crossFile.runsUnder(model.path);
  const registered = crossFile.registeredFor(model);
  // One function for every rule, so that what rules derive through it can be shared.
  const resolve = (name: string) => resolver.resolve(name);
  const namesUnder = (prefix: string) => resolver.namesUnder(prefix);
  const absentUnits = new Map<
    string,
    ((name: string) => readonly VariableDefinition[]) | undefined
  >();
  const resolveInAbsentUnit = (unit: string) => {
    if (!absentUnits.has(unit)) {
      const unitResolver = crossFile.absentUnitResolver(model, unit);
      absentUnits.set(unit, unitResolver && ((name: string) => unitResolver.resolve(name)));
    }
    return absentUnits.get(unit);
  };
  const add = ({ rule, severity }: ActiveRule, report: Omit<Report, 'path'>) => {
    if (!inProfile(report.profiles, profile)) return;
    const key = `${rule.meta.id}:${report.range.line}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({
      ruleId: rule.meta.id,
      category: rule.meta.category,
      severity: report.severity && atLeast(severity, report.severity) ? report.severity : severity,
      language: model.language,
      path: model.path,
      range: report.range,
      message: report.message,
      ...(report.suggestion ? { suggestion: report.suggestion } : {}),
      ...(report.landing ? { landing: report.landing } : {}),
    });
  };
  for (const current of active) {
    const { rule, options } = current;
    rule.check({
      file: model,
      options,
      report({ path, ...located }) {
        if (path !== undefined && path !== model.path)
          crossFile.deferred.add(path, { ruleId: rule.meta.id, ...located });
        else add(current, located);
      },
      resolve,
      resolveInAbsentUnit,
      namesUnder,
      ...(runsUnder ? { runsUnder } : {}),
      ...(registered ? { registered } : {}),
    });
  }
  // Few files have reports waiting for them: the others skip indexing the rules by id. A run
  // on resources that another file declares leaves the reports for the file's own analysis.
  if (!takeWaiting || !crossFile.deferred.hasWaiting(model.path)) return findings;
  const byId = new Map(active.map((current) => [current.rule.meta.id, current]));
  for (const { ruleId, ...waiting } of crossFile.deferred.take(model.path, new Set(byId.keys()))) {
    const current = byId.get(ruleId);
    if (current) add(current, waiting);
  }
  return findings;
}
