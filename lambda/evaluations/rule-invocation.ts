import { asRecord, asString, asText } from '../../src/core/engine/values';
import { EventError } from '../../src/core/findings/compliance-change';

/** What a Config custom-rule invocation asks: evaluate this item, this oversized item, or everything in scope. */
export type InvocationKind = 'ConfigurationItemChangeNotification' | 'OversizedConfigurationItemChangeNotification' | 'ScheduledNotification';

/** A Config custom-rule invocation, its JSON strings decoded. */
export interface RuleInvocation {
  /** The deployed rule name. */
  readonly configRuleName: string;
  /** Answers PutEvaluations with it. */
  readonly resultToken: string;
  /** The resource left the rule's scope: its evaluation is NOT_APPLICABLE. */
  readonly eventLeftScope: boolean;
  readonly ruleParameters: Record<string, string>;
  readonly kind: InvocationKind;
  /** The invoking event: `configurationItem`, `configurationItemSummary`, `notificationCreationTime`... */
  readonly notification: Record<string, unknown>;
}

const KINDS = new Set<string>(['ConfigurationItemChangeNotification', 'OversizedConfigurationItemChangeNotification', 'ScheduledNotification']);

/** Whether the event is a Config custom-rule invocation. */
export function isRuleInvocation(event: unknown): boolean {
  const record = asRecord(event);
  return typeof record?.invokingEvent === 'string' && typeof record.resultToken === 'string';
}

function decode(text: unknown, field: string): Record<string, unknown> {
  if (text === undefined || text === null || text === '') {
    return {};
  }
  try {
    const decoded = asRecord(JSON.parse(asText(text)));
    if (decoded) {
      return decoded;
    }
  } catch {
    // reported below
  }
  throw new EventError(`rule invocation: ${field} is not a JSON object`);
}

/** The invocation in an event Config sends to a custom Lambda rule. */
export function ruleInvocationOf(event: unknown): RuleInvocation {
  const record = asRecord(event) ?? {};
  const notification = decode(record.invokingEvent, 'invokingEvent');
  const kind = asString(notification.messageType);
  if (!kind || !KINDS.has(kind)) {
    throw new EventError(`rule invocation: invokingEvent.messageType "${kind ?? ''}" is not one of ${[...KINDS].join(', ')}`);
  }
  const configRuleName = asString(record.configRuleName);
  const resultToken = asString(record.resultToken);
  if (!configRuleName || !resultToken) {
    throw new EventError('rule invocation: configRuleName and resultToken are required');
  }
  const parameters = decode(record.ruleParameters, 'ruleParameters');
  return {
    configRuleName,
    resultToken,
    eventLeftScope: record.eventLeftScope === true,
    ruleParameters: Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, asText(value)])),
    kind: kind as InvocationKind,
    notification,
  };
}
