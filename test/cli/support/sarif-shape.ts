/**
 * The parts of the SARIF 2.1.0 schema (https://json.schemastore.org/sarif-2.1.0.json) and of
 * GitHub's code-scanning upload rules that a SARIF file must satisfy to be accepted and
 * placed correctly, as a list of violations (empty when the log is fine).
 */
const LEVELS = new Set(['none', 'note', 'warning', 'error']);
const BASELINE_STATES = new Set(['new', 'unchanged', 'updated', 'absent']);
const MAX_RESULTS_PER_RUN = 25_000;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPositiveInteger = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1;
const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;
const isOneOf = (allowed: ReadonlySet<string>, value: unknown): value is string =>
  typeof value === 'string' && allowed.has(value);

export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  if (!isObject(log)) return ['log is not an object'];
  check(log['version'] === '2.1.0', 'version must be "2.1.0"');
  check(isNonEmptyString(log['$schema']), '$schema must be a URI');
  const runs = log['runs'];
  if (!Array.isArray(runs) || runs.length === 0)
    return [...problems, 'runs must be a non-empty array'];
  runs.forEach((run: unknown, runIndex) => problems.push(...runProblems(run, `runs[${runIndex}]`)));
  return problems;
}

function runProblems(run: unknown, at: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(`${at}: ${problem}`);
  };
  if (!isObject(run)) return [`${at}: not an object`];
  const driver = isObject(run['tool']) ? run['tool']['driver'] : undefined;
  if (!isObject(driver)) return [`${at}: tool.driver is required`];
  check(isNonEmptyString(driver['name']), 'tool.driver.name is required');
  check(
    driver['semanticVersion'] === undefined || isNonEmptyString(driver['semanticVersion']),
    'semanticVersion must be a string',
  );
  const rules = Array.isArray(driver['rules']) ? (driver['rules'] as unknown[]) : [];
  check(
    driver['rules'] === undefined || Array.isArray(driver['rules']),
    'tool.driver.rules must be an array',
  );
  const ruleIds = rules.map((rule) => (isObject(rule) ? rule['id'] : undefined));
  check(new Set(ruleIds).size === ruleIds.length, 'rule ids must be unique');
  rules.forEach((rule, index) =>
    problems.push(...ruleProblems(rule, `${at}.tool.driver.rules[${index}]`)),
  );

  const baseIds = run['originalUriBaseIds'];
  if (baseIds !== undefined) {
    if (!isObject(baseIds)) problems.push(`${at}: originalUriBaseIds must be an object`);
    else {
      for (const [id, location] of Object.entries(baseIds)) {
        const uri = isObject(location) ? location['uri'] : undefined;
        check(
          isAbsoluteUri(uri) && String(uri).endsWith('/'),
          `originalUriBaseIds.${id} must be an absolute URI ending in /`,
        );
      }
    }
  }

  const results = run['results'];
  if (!Array.isArray(results)) return [...problems, `${at}: results must be an array`];
  check(
    results.length <= MAX_RESULTS_PER_RUN,
    `GitHub accepts at most ${MAX_RESULTS_PER_RUN} results per run`,
  );
  results.forEach((result: unknown, index) =>
    problems.push(...resultProblems(result, ruleIds, `${at}.results[${index}]`)),
  );

  const invocations = run['invocations'];
  if (invocations !== undefined) {
    if (!Array.isArray(invocations)) return [...problems, `${at}: invocations must be an array`];
    invocations.forEach((invocation: unknown, index) => {
      const where = `${at}.invocations[${index}]`;
      if (!isObject(invocation) || typeof invocation['executionSuccessful'] !== 'boolean') {
        problems.push(`${where}: executionSuccessful (boolean) is required`);
        return;
      }
      const notifications = invocation['toolExecutionNotifications'] ?? [];
      if (!Array.isArray(notifications)) {
        problems.push(`${where}: toolExecutionNotifications must be an array`);
        return;
      }
      const configurationNotifications = invocation['toolConfigurationNotifications'] ?? [];
      if (!Array.isArray(configurationNotifications)) {
        problems.push(`${where}: toolConfigurationNotifications must be an array`);
        return;
      }
      const all = [
        ...notifications.map(
          (notification: unknown, index) =>
            [notification, `${where}.toolExecutionNotifications[${index}]`] as const,
        ),
        ...configurationNotifications.map(
          (notification: unknown, index) =>
            [notification, `${where}.toolConfigurationNotifications[${index}]`] as const,
        ),
      ];
      all.forEach(([notification, place]) => {
        if (!isObject(notification)) return problems.push(`${place}: not an object`);
        if (!hasMessageText(notification['message']))
          problems.push(`${place}: message.text is required`);
        if (notification['level'] !== undefined && !isOneOf(LEVELS, notification['level']))
          problems.push(`${place}: bad level`);
        problems.push(...locationsProblems(notification['locations'] ?? [], place));
        return undefined;
      });
    });
  }
  return problems;
}

function ruleProblems(rule: unknown, at: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(`${at}: ${problem}`);
  };
  if (!isObject(rule)) return [`${at}: not an object`];
  check(isNonEmptyString(rule['id']), 'id is required');
  for (const key of ['shortDescription', 'fullDescription', 'help']) {
    if (rule[key] !== undefined) check(hasMessageText(rule[key]), `${key}.text is required`);
  }
  if (rule['helpUri'] !== undefined)
    check(isAbsoluteUri(rule['helpUri']), 'helpUri must be an absolute URI');
  const level = isObject(rule['defaultConfiguration'])
    ? rule['defaultConfiguration']['level']
    : undefined;
  if (level !== undefined)
    check(
      isOneOf(LEVELS, level),
      'defaultConfiguration.level must be none, note, warning or error',
    );
  const properties = rule['properties'];
  if (isObject(properties)) {
    const tags = properties['tags'];
    if (tags !== undefined) {
      check(
        Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'),
        'properties.tags must be strings',
      );
      check(
        Array.isArray(tags) && new Set(tags).size === tags.length,
        'properties.tags must be unique',
      );
    }
    const securitySeverity = properties['security-severity'];
    if (securitySeverity !== undefined) {
      const score = typeof securitySeverity === 'string' ? Number(securitySeverity) : Number.NaN;
      check(
        score >= 0 && score <= 10,
        'security-severity must be a numeric string from 0.0 to 10.0',
      );
    }
  }
  return problems;
}

function resultProblems(result: unknown, ruleIds: unknown[], at: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(`${at}: ${problem}`);
  };
  if (!isObject(result)) return [`${at}: not an object`];
  check(hasMessageText(result['message']), 'message.text is required');
  check(isNonEmptyString(result['ruleId']), 'ruleId is required');
  const ruleIndex = result['ruleIndex'];
  if (ruleIndex !== undefined) {
    check(
      Number.isInteger(ruleIndex) &&
        (ruleIndex as number) >= 0 &&
        (ruleIndex as number) < ruleIds.length,
      'ruleIndex out of range',
    );
    check(
      ruleIds[ruleIndex as number] === result['ruleId'],
      'ruleIndex must point at the rule with the same id',
    );
  }
  if (result['level'] !== undefined)
    check(isOneOf(LEVELS, result['level']), 'level must be none, note, warning or error');
  if (result['baselineState'] !== undefined)
    check(
      isOneOf(BASELINE_STATES, result['baselineState']),
      'baselineState must be new, unchanged, updated or absent',
    );
  const locations = result['locations'];
  check(Array.isArray(locations) && locations.length >= 1, 'GitHub needs at least one location');
  problems.push(...locationsProblems(locations ?? [], at));
  const fingerprints = result['partialFingerprints'];
  if (fingerprints !== undefined) {
    check(
      isObject(fingerprints) && Object.values(fingerprints).every(isNonEmptyString),
      'partialFingerprints values must be strings',
    );
  }
  return problems;
}

function locationsProblems(locations: unknown, at: string): string[] {
  if (!Array.isArray(locations)) return [`${at}: locations must be an array`];
  const problems: string[] = [];
  locations.forEach((location: unknown, index) => {
    const where = `${at}.locations[${index}]`;
    const physical = isObject(location) ? location['physicalLocation'] : undefined;
    if (!isObject(physical)) return problems.push(`${where}: physicalLocation is required`);
    const artifact = physical['artifactLocation'];
    const uri = isObject(artifact) ? artifact['uri'] : undefined;
    if (!isNonEmptyString(uri)) problems.push(`${where}: artifactLocation.uri is required`);
    else if (isAbsoluteUri(uri) || uri.startsWith('/') || uri.includes('\\'))
      problems.push(`${where}: uri must be relative with forward slashes`);
    else if (!isObject(artifact) || artifact['uriBaseId'] !== '%SRCROOT%')
      problems.push(`${where}: uriBaseId must be %SRCROOT%`);
    const region = physical['region'];
    if (region !== undefined) problems.push(...regionProblems(region, `${where}.region`));
    return undefined;
  });
  return problems;
}

function regionProblems(region: unknown, at: string): string[] {
  if (!isObject(region)) return [`${at}: not an object`];
  const { startLine, startColumn, endLine, endColumn } = region;
  const problems: string[] = [];
  if (!isPositiveInteger(startLine)) problems.push(`${at}: startLine must be an integer >= 1`);
  if (startColumn !== undefined && !isPositiveInteger(startColumn))
    problems.push(`${at}: startColumn must be an integer >= 1`);
  if (endLine !== undefined && (!isPositiveInteger(endLine) || endLine < (startLine as number)))
    problems.push(`${at}: endLine before startLine`);
  if (endColumn !== undefined) {
    const sameLine = endLine === undefined || endLine === startLine;
    if (
      !isPositiveInteger(endColumn) ||
      (sameLine && endColumn < ((startColumn as number | undefined) ?? 1))
    ) {
      problems.push(`${at}: endColumn before startColumn`);
    }
  }
  return problems;
}

function hasMessageText(message: unknown): boolean {
  return isObject(message) && typeof message['text'] === 'string';
}

function isAbsoluteUri(value: unknown): boolean {
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value);
}
