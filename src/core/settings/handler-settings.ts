import { DeployedRule, encodeRulesSetting } from './deployed-rule';
import { builtInSeverity, countSetting, deployedRules, frameworksSetting, oneOfSetting, requiredSetting } from './settings';
import type { FrameworksSetting } from '../frameworks/report-frameworks';
import { RemediationMode } from '../remediation-mode';
import { Severity } from '../rules/severity';

/**
 * The contract between the construct and its handlers: every environment variable a handler reads,
 * named once, with the type of its value. The construct writes them with `encode`, the handler reads
 * them with `decode`, which throws a SettingsError naming the variable.
 */

/** One environment variable: its name, how its value is written, and how it is read back. */
export interface Setting<T> {
  readonly name: string;
  encode(value: T): string;
  decode(env: Readonly<Record<string, string | undefined>>): T;
}

const text = (name: string): Setting<string> => ({ name, encode: (value) => value, decode: (env) => requiredSetting(env, name) });
const count = (name: string): Setting<number> => ({ name, encode: (value) => String(value), decode: (env) => countSetting(env, name) });
const list = (name: string): Setting<readonly string[]> => ({ name, encode: (value) => value.join(','), decode: (env) => requiredSetting(env, name).split(',') });
const oneOf = <T extends string>(name: string, values: readonly T[]): Setting<T> =>
  ({ name, encode: (value) => value, decode: (env) => oneOfSetting(env, name, values) });
const frameworks = (name: string): Setting<FrameworksSetting> =>
  ({ name, encode: (value) => JSON.stringify(value), decode: (env) => frameworksSetting(env, name) });
const rules = (name: string): Setting<readonly DeployedRule[]> =>
  ({ name, encode: (value) => encodeRulesSetting(value, builtInSeverity), decode: (env) => deployedRules(env, name) });

/** What a handler's settings hold, by key. */
export type SettingValues<S> = { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** The settings of one handler. */
export class HandlerSettings<S extends Record<string, Setting<any>>> {
  constructor(private readonly settings: S) {}

  /** The environment variables that carry these values. */
  encode(values: SettingValues<S>): Record<string, string> {
    return Object.fromEntries(Object.entries(this.settings).map(([key, setting]) => [setting.name, setting.encode(values[key])]));
  }

  /** The values, read from the environment; throws a SettingsError naming the first variable missing or invalid. */
  decode(env: Readonly<Record<string, string | undefined>>): SettingValues<S> {
    return Object.fromEntries(Object.entries(this.settings).map(([key, setting]) => [key, setting.decode(env)])) as SettingValues<S>;
  }
}

const FINDINGS = { findingsTable: text('FINDINGS_TABLE') };
const RULES_AND_ALERTS = { ...FINDINGS, findingsTtlDays: count('FINDINGS_TTL_DAYS'), alertTopicArn: text('ALERT_TOPIC_ARN'), rules: rules('RULES') };

/** The analyzer's settings. */
export const ANALYZER_SETTINGS = new HandlerSettings({
  ...RULES_AND_ALERTS,
  environmentSuffix: text('ENVIRONMENT_SUFFIX'),
  remediatorFunction: text('REMEDIATOR_FUNCTION'),
  alertSeverity: oneOf('ALERT_SEVERITY', Object.values(Severity)),
  alertDigestThreshold: count('ALERT_DIGEST_THRESHOLD'),
  exemptionNoticeDays: count('EXEMPTION_NOTICE_DAYS'),
});

/** The remediator's settings. */
export const REMEDIATOR_SETTINGS = new HandlerSettings({
  ...RULES_AND_ALERTS,
  remediationMode: oneOf('REMEDIATION_MODE', Object.values(RemediationMode)),
});

/** The aggregator's settings. */
export const AGGREGATOR_SETTINGS = new HandlerSettings({
  ...FINDINGS,
  reportsBucket: text('REPORTS_BUCKET'),
  configRuleNames: list('CONFIG_RULE_NAMES'),
  /** What each Config rule name ends with after its rule's name: the aggregator finds the built-in rules' mappings by name. */
  environmentSuffix: text('ENVIRONMENT_SUFFIX'),
  frameworks: frameworks('REPORT_FRAMEWORKS'),
});
