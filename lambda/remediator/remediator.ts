import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { exemptionInForce } from '../../src/core/engine/exemptions';
import { EventError } from '../../src/core/findings/compliance-change';
import { RemediationMode } from '../../src/core/remediation-mode';
import { REMEDIATION_FIXES, RemediationFix } from '../../src/core/rules/remediation-catalog';
import { DeployedRule } from '../../src/core/settings/settings';
import { remediationMessage } from '../alerts/alert-message';
import { alertPublisher } from '../alerts/publish';
import { FindingStore } from '../findings/finding-store';
import { eventSource, Logger } from '../observability/logger';
import { observed, traced, Tracer } from '../observability/tracer';
import { Fix, RemediationPlan } from '../remediation/fix';
import { ANNOUNCED_OUTCOMES, RemediationAudit } from '../remediation/remediation-audit';
import { remediationRequestOf } from '../remediation/remediation-request';

/** What the remediator works with; the entry point builds them once per container. */
export interface RemediatorDependencies {
  readonly fixes: Readonly<Record<RemediationFix, Fix>>;
  readonly store: FindingStore;
  readonly sns: SNSClient;
  readonly alertTopicArn: string;
  readonly mode: RemediationMode;
  readonly rules: readonly DeployedRule[];
  readonly logger: Logger;
  readonly tracer: Tracer;
  /** The clock exemptions expire by. */
  readonly now?: () => Date;
}

/**
 * The remediator's handler: one request from the analyzer, one rule, one resource. It reads the
 * resource, leaves it alone when an exemption covers it, and otherwise plans the rule's fix; the fix
 * is applied only in APPLY mode. Every decision is recorded in the findings table; changes, dry runs,
 * failures and fixes that need a person are announced on the alert topic.
 */
export function createRemediator(deps: RemediatorDependencies): (event: unknown, context: Context) => Promise<RemediationAudit> {
  const rulesByName = new Map(deps.rules.map((rule) => [rule.configRuleName, rule]));
  const publish = alertPublisher(deps.sns, deps.alertTopicArn, deps.logger);
  const now = deps.now ?? (() => new Date());

  async function decide(plan: RemediationPlan, rule: DeployedRule, resourceId: string): Promise<Pick<RemediationAudit, 'outcome' | 'actions' | 'reason'>> {
    const exemption = exemptionInForce(rule.exemptions ?? [], resourceId, (_, tag) => plan.tags[tag.key] === tag.value, now());
    if (exemption) {
      return { outcome: 'EXEMPT', actions: [], reason: exemption.reason };
    }
    if (plan.actions.length === 0) {
      return { outcome: plan.manual ? 'NEEDS_A_PERSON' : 'NOTHING_TO_DO', actions: [], reason: plan.reason };
    }
    if (deps.mode !== RemediationMode.APPLY) {
      return { outcome: 'WOULD_APPLY', actions: plan.actions };
    }
    try {
      await traced(deps.tracer, 'apply fix', () => plan.apply());
      return { outcome: 'APPLIED', actions: plan.actions };
    } catch (error) {
      // Recorded and announced with its message; logged here with its stack.
      deps.logger.error('fix failed', { error: error as Error, resourceId });
      return { outcome: 'FAILED', actions: plan.actions, reason: (error as Error).message };
    }
  }

  return observed(deps, async (event) => {
    try {
      const request = remediationRequestOf(event);
      // The analyzer's request id: one correlation id from the violation to its fix.
      deps.logger.appendKeys({ correlationId: request.correlationId });
      const rule = rulesByName.get(request.configRuleName);
      const fix = rule?.autoRemediate ? REMEDIATION_FIXES.get(rule.ruleName) : undefined;
      if (!rule || !fix) {
        throw new EventError(`remediation request: "${request.configRuleName}" is not a rule of this monitor that opts in to remediation`);
      }
      const plan = await traced(deps.tracer, 'plan fix', () => deps.fixes[fix](request, rule));
      const audit: RemediationAudit = { request, mode: deps.mode, ...await decide(plan, rule, request.resourceId), at: now().toISOString() };
      await traced(deps.tracer, 'record remediation', () => deps.store.recordRemediation(audit));
      if (ANNOUNCED_OUTCOMES.has(audit.outcome)) {
        await traced(deps.tracer, 'announce remediation', () => publish(remediationMessage(audit)));
      }
      deps.logger[audit.outcome === 'FAILED' ? 'error' : 'info']('remediation decided', {
        configRuleName: request.configRuleName,
        resourceId: request.resourceId,
        outcome: audit.outcome,
        actions: audit.actions,
        reason: audit.reason,
      });
      if (audit.outcome === 'FAILED') {
        // Recorded and announced; thrown on so that Lambda retries (the fixes are idempotent), then dead-letters it.
        throw new Error(`remediation of ${request.resourceId} failed: ${audit.reason}`);
      }
      return audit;
    } catch (error) {
      deps.logger.error('event failed', { source: eventSource(event), error: error as Error });
      throw error;
    }
  });
}
