import { ConfigServiceClient, Evaluation as ConfigEvaluation } from '@aws-sdk/client-config-service';
import { currentItem, discoveredItems } from './config-source';
import { RuleInvocation } from './rule-invocation';
import { CompiledRule, ConfigurationItem, evaluate, evaluateItems, toConfigurationItem, Verdict } from '../../src/core/engine';
import { asRecord, asString } from '../../src/core/engine/values';
import { notApplicable } from '../../src/core/engine/verdict';
import { EventError } from '../../src/core/findings/compliance-change';

const LEFT_SCOPE = notApplicable('The resource left the rule\'s scope');

interface ResourceRef {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly capturedAt?: string;
}

function orderingTimestamp(capturedAt: string | undefined, invocation: RuleInvocation): Date {
  const time = Date.parse(capturedAt ?? asString(invocation.notification.notificationCreationTime) ?? '');
  return Number.isNaN(time) ? new Date() : new Date(time);
}

function toConfigEvaluation(resource: ResourceRef, verdict: Verdict, invocation: RuleInvocation): ConfigEvaluation {
  return {
    ComplianceResourceType: resource.resourceType,
    ComplianceResourceId: resource.resourceId,
    ComplianceType: verdict.complianceType,
    // Config refuses an empty annotation.
    Annotation: verdict.annotation || undefined,
    OrderingTimestamp: orderingTimestamp(resource.capturedAt, invocation),
  };
}

function itemRef(item: ConfigurationItem): ResourceRef {
  return { resourceType: item.resourceType, resourceId: item.resourceId, capturedAt: item.configurationItemCaptureTime };
}

/** The one resource a change notification is about: its item, or for an oversized item its summary. */
async function changedResource(config: ConfigServiceClient, invocation: RuleInvocation): Promise<{ ref: ResourceRef; item?: ConfigurationItem }> {
  if (invocation.kind === 'ConfigurationItemChangeNotification') {
    const item = toConfigurationItem(invocation.notification.configurationItem);
    if (!item) {
      throw new EventError('rule invocation: invokingEvent.configurationItem has no resourceType and resourceId');
    }
    return { ref: itemRef(item), item };
  }
  const summary = asRecord(invocation.notification.configurationItemSummary);
  const resourceType = asString(summary?.resourceType);
  const resourceId = asString(summary?.resourceId);
  if (!resourceType || !resourceId) {
    throw new EventError('rule invocation: invokingEvent.configurationItemSummary has no resourceType and resourceId');
  }
  const ref = { resourceType, resourceId, capturedAt: asString(summary?.configurationItemCaptureTime) };
  return { ref, item: invocation.eventLeftScope ? undefined : await currentItem(config, resourceType, resourceId) };
}

/**
 * The evaluations that answer an invocation: the changed resource's (fetched from Config when
 * oversized; NOT_APPLICABLE when it left the rule's scope), or on a schedule every recorded resource
 * of the rule's types.
 */
export async function evaluateInvocation(config: ConfigServiceClient, invocation: RuleInvocation, rule: CompiledRule): Promise<ConfigEvaluation[]> {
  if (invocation.kind === 'ScheduledNotification') {
    const evaluations: ConfigEvaluation[] = [];
    for await (const items of discoveredItems(config, [...rule.resourceTypes])) {
      for (const evaluation of evaluateItems(items, [rule])) {
        evaluations.push(toConfigEvaluation({ ...evaluation, capturedAt: undefined }, evaluation, invocation));
      }
    }
    return evaluations;
  }
  const { ref, item } = await changedResource(config, invocation);
  if (invocation.eventLeftScope) {
    return [toConfigEvaluation(ref, LEFT_SCOPE, invocation)];
  }
  if (!item) {
    throw new EventError(`rule invocation: Config has no configuration item for ${ref.resourceType} ${ref.resourceId}`);
  }
  return [toConfigEvaluation(ref, evaluate(item, rule), invocation)];
}
