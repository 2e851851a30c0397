import type { DeployedRule } from './deployed-rule';
import { Severity } from '../rules/severity';

export type { DeployedRule };

/** A handler's configuration is wrong: the construct and the handler disagree. */
export class SettingsError extends Error {}

/** One required environment variable. */
export function requiredSetting(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = env[name];
  if (!value) {
    throw new SettingsError(`environment variable ${name} is not set: the function was not deployed by ComplianceMonitor`);
  }
  return value;
}

const SEVERITIES = new Set<string>(Object.values(Severity));

/** The rule set from `RULES` (or another variable), as the construct writes it. */
export function deployedRules(env: Readonly<Record<string, string | undefined>>, name = 'RULES'): DeployedRule[] {
  let rules: unknown;
  try {
    rules = JSON.parse(requiredSetting(env, name));
  } catch (error) {
    throw error instanceof SettingsError ? error : new SettingsError(`environment variable ${name} is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(rules) || !rules.every((rule) => typeof rule?.configRuleName === 'string' && SEVERITIES.has(rule?.severity))) {
    throw new SettingsError(`environment variable ${name} must be a list of {configRuleName, ruleName, severity, evaluationMode}`);
  }
  return rules as DeployedRule[];
}

/** A whole positive number: days, a threshold. */
export function countSetting(env: Readonly<Record<string, string | undefined>>, name: string): number {
  const count = Number(requiredSetting(env, name));
  if (!Number.isInteger(count) || count < 1) {
    throw new SettingsError(`environment variable ${name} must be a whole number, at least 1 (got "${env[name]}")`);
  }
  return count;
}

/** One of a few values. */
export function oneOfSetting<T extends string>(env: Readonly<Record<string, string | undefined>>, name: string, values: readonly T[]): T {
  const value = requiredSetting(env, name);
  if (!(values as readonly string[]).includes(value)) {
    throw new SettingsError(`environment variable ${name} must be one of ${values.join(', ')} (got "${value}")`);
  }
  return value as T;
}
