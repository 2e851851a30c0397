import { RuleImplementation } from '../types';
import { asNumber, asRecord, asString, JsonRecord } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const HOURS_PER_DAY = 24;
const RATE = /^rate\(\s*(\d+)\s+(hours?|days?)\s*\)$/i;

/** How often a secret rotates, in hours, with the words the annotation uses. */
interface RotationInterval {
  readonly hours: number;
  readonly text: string;
}

function interval(count: number, unit: 'hours' | 'days'): RotationInterval {
  return { hours: unit === 'days' ? count * HOURS_PER_DAY : count, text: `${count} ${count === 1 ? unit.slice(0, -1) : unit}` };
}

/**
 * The rotation interval a secret's rules record: a `rate(...)` schedule expression, else
 * AutomaticallyAfterHours or AutomaticallyAfterDays (the Config resource schema's names); a
 * `cron(...)` expression as it is, since its interval is not one number; undefined when none is recorded.
 */
function rotationInterval(rules: JsonRecord | undefined): RotationInterval | string | undefined {
  const expression = asString(rules?.RotationScheduleExpression);
  if (expression !== undefined) {
    const rate = RATE.exec(expression.trim());
    if (!rate) {
      return expression;
    }
    return interval(Number(rate[1]), rate[2].toLowerCase().startsWith('hour') ? 'hours' : 'days');
  }
  const hours = asNumber(rules?.AutomaticallyAfterHours);
  if (hours !== undefined) {
    return interval(hours, 'hours');
  }
  const days = asNumber(rules?.AutomaticallyAfterDays);
  return days === undefined ? undefined : interval(days, 'days');
}

const NOT_SCHEDULED = nonCompliant('Secret is not scheduled for rotation (RotationEnabled false)');
const NOT_RECORDED = notApplicable('Secret rotation status not recorded');
const ROTATION_ENABLED = compliant('Rotation is enabled');
const SCHEDULE_NOT_RECORDED = notApplicable('Rotation is enabled; its schedule is not recorded');
const tooRare = sharedVerdicts((rotation: string) => nonCompliant(`Secret rotates every ${rotation}`));
const rotatesEvery = sharedVerdicts((text: string) => compliant(`Rotation is enabled, every ${text}`));
const notComputed = sharedVerdicts((expression: string) =>
  notApplicable(`Rotation schedule ${expression} is not a rate, and an offline evaluation does not compute its interval`));

/**
 * SECRETSMANAGER_ROTATION_ENABLED_CHECK: the secret has rotation enabled and, with
 * `maximumAllowedRotationFrequency` (days) or `maximumAllowedRotationFrequencyInHours` (on the
 * current page only), rotates at least that often. With both, the secret must meet both.
 */
export const secretsmanagerRotationEnabledCheck: RuleImplementation = {
  ruleName: 'secretsmanager-rotation-enabled-check',
  compile: (parameters) => {
    const maximumDays = asNumber(parameters.maximumAllowedRotationFrequency);
    const maximumHours = asNumber(parameters.maximumAllowedRotationFrequencyInHours);
    const maximums = [
      ...(maximumDays === undefined ? [] : [interval(maximumDays, 'days')]),
      ...(maximumHours === undefined ? [] : [interval(maximumHours, 'hours')]),
    ];
    return (item) => {
      const enabled = item.configuration.RotationEnabled;
      if (enabled === false) {
        return NOT_SCHEDULED;
      }
      if (enabled !== true) {
        return NOT_RECORDED;
      }
      if (maximums.length === 0) {
        return ROTATION_ENABLED;
      }
      const actual = rotationInterval(asRecord(item.configuration.RotationRules));
      if (actual === undefined) {
        return SCHEDULE_NOT_RECORDED;
      }
      if (typeof actual === 'string') {
        return notComputed(actual);
      }
      const exceeded = maximums.find((maximum) => actual.hours > maximum.hours);
      return exceeded ? tooRare(`${actual.text}, less often than the maximum of ${exceeded.text}`) : rotatesEvery(actual.text);
    };
  },
};
