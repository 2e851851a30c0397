import { withDefaults } from '../../rules/catalog';
import { RuleImplementation } from '../types';
import { asNumber, asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

/** Lambda's OS-only runtimes, which the rule ignores (the current page; an older one did not say so). */
const OS_ONLY_RUNTIMES: ReadonlySet<string> = new Set(['provided', 'provided.al2', 'provided.al2023']);

const IMAGE = notApplicable('Function is a container image (package type Image), which the rule ignores');
const RUNTIME_NOT_RECORDED = notApplicable('Function runtime not recorded');
const osOnly = sharedVerdicts((runtime: string) => notApplicable(`Function runs on the OS-only runtime ${runtime}, which the rule ignores`));
const notRecorded = sharedVerdicts((setting: string) => notApplicable(`Function ${setting} not recorded`));
const SETTINGS_MATCH = compliant('Function runtime, role, timeout and memory size are as expected');
const mismatches = sharedVerdicts((problems: string) => nonCompliant(`Function settings: ${problems}`));

/** The role's name: the last segment of its ARN (`role/path/name`). */
function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/**
 * LAMBDA_FUNCTION_SETTINGS_CHECK: the function's runtime is one of `runtime`, and its role (by name
 * or ARN), timeout and memory size are the expected ones. `timeout` and `memorySize` take AWS's
 * documented defaults, 3 seconds and 128 MB, when not given. Functions of package type Image and
 * on OS-only runtimes are ignored: NOT_APPLICABLE.
 */
export const lambdaFunctionSettingsCheck: RuleImplementation = {
  ruleName: 'lambda-function-settings-check',
  compile: (parameters) => {
    const given = withDefaults('lambda-function-settings-check', parameters);
    const runtimes = csv(given.runtime);
    const allowedRuntimes = new Set(runtimes);
    const role = given.role;
    const roleMatches = role === undefined ? undefined
      : role.startsWith('arn:') ? (actual: string) => actual === role : (actual: string) => roleName(actual) === role;
    const timeout = asNumber(given.timeout);
    const memorySize = asNumber(given.memorySize);
    return (item) => {
      const configuration = item.configuration;
      if (configuration.packageType === 'Image') {
        return IMAGE;
      }
      const runtime = asString(configuration.runtime);
      if (runtime === undefined) {
        return RUNTIME_NOT_RECORDED;
      }
      if (OS_ONLY_RUNTIMES.has(runtime)) {
        return osOnly(runtime);
      }
      const problems: string[] = [];
      if (!allowedRuntimes.has(runtime)) {
        problems.push(`runtime ${runtime} is not one of ${runtimes.join(', ')}`);
      }
      if (roleMatches) {
        const actualRole = asString(configuration.role);
        if (actualRole === undefined) {
          return notRecorded('role');
        }
        if (!roleMatches(actualRole)) {
          problems.push(`role ${actualRole} is not ${role}`);
        }
      }
      const actualTimeout = asNumber(configuration.timeout);
      const actualMemorySize = asNumber(configuration.memorySize);
      if (actualTimeout === undefined) {
        return notRecorded('timeout');
      }
      if (actualMemorySize === undefined) {
        return notRecorded('memory size');
      }
      if (actualTimeout !== timeout) {
        problems.push(`timeout is ${actualTimeout} s, not ${timeout}`);
      }
      if (actualMemorySize !== memorySize) {
        problems.push(`memory size is ${actualMemorySize} MB, not ${memorySize}`);
      }
      return problems.length === 0 ? SETTINGS_MATCH : mismatches(problems.join('; '));
    };
  },
};
