import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { Severity } from '../../src/rules/severity';
import { violationAlert } from '../alerts/alert-message';
import { compileRule } from '../engine';
import { asRecord } from '../engine/values';
import { evaluateInvocation } from '../evaluations/evaluate-invocation';
import { putEvaluations } from '../evaluations/put-evaluations';
import { isRuleInvocation, ruleInvocationOf } from '../evaluations/rule-invocation';
import { ComplianceChange, complianceChangeOf, EventError } from '../findings/compliance-change';
import { FindingStore } from '../findings/finding-store';
import { eventSource, Logger } from '../logging/logger';
import { DeployedRule } from '../runtime/settings';

/** What the analyzer works with; the entry point builds them once per container. */
export interface AnalyzerDependencies {
  readonly store: FindingStore;
  readonly sns: SNSClient;
  readonly config: ConfigServiceClient;
  readonly alertTopicArn: string;
  readonly rules: readonly DeployedRule[];
  /** New violations of rules at or above this severity are alerted. */
  readonly alertSeverity: Severity;
  readonly logger: Logger;
}

const SEVERITY_RANK: Record<Severity, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

function isComplianceChange(event: unknown): boolean {
  const record = asRecord(event);
  return record?.source === 'aws.config' && record['detail-type'] === 'Config Rules Compliance Change';
}

/** The analyzer's handler over its dependencies. */
export function createAnalyzer(deps: AnalyzerDependencies): (event: unknown, context: Context) => Promise<void> {
  const severities = new Map(deps.rules.map((rule) => [rule.configRuleName, rule.severity]));
  const rulesByName = new Map(deps.rules.map((rule) => [rule.configRuleName, rule]));

  /** An ENGINE rule's invocation: evaluated with the engine, answered with PutEvaluations. */
  async function answerRuleInvocation(event: unknown, correlationId: string): Promise<void> {
    const invocation = ruleInvocationOf(event);
    const deployed = rulesByName.get(invocation.configRuleName);
    if (!deployed) {
      throw new EventError(`rule invocation: "${invocation.configRuleName}" is not a rule of this monitor`);
    }
    const rule = compileRule({ ruleName: deployed.ruleName, parameters: invocation.ruleParameters });
    const evaluations = await evaluateInvocation(deps.config, invocation, rule);
    await putEvaluations(deps.config, invocation.resultToken, evaluations);
    deps.logger.log('INFO', 'rule evaluated', {
      correlationId, configRuleName: invocation.configRuleName, kind: invocation.kind, evaluations: evaluations.length,
    });
  }

  async function alert(change: ComplianceChange, severity: Severity, correlationId: string): Promise<void> {
    const message = violationAlert(change, severity);
    try {
      await deps.sns.send(new PublishCommand({ TopicArn: deps.alertTopicArn, Subject: message.subject, Message: message.body }));
    } catch (error) {
      // The finding is recorded already; the alert is logged in full so that it is not lost with SNS.
      deps.logger.log('ERROR', 'alert not published', { correlationId, error: (error as Error).message, subject: message.subject, body: message.body });
    }
  }

  async function recordComplianceChange(event: unknown, correlationId: string): Promise<void> {
    const change = complianceChangeOf(event);
    const severity = severities.get(change.configRuleName) ?? Severity.LOW;
    const recorded = await deps.store.recordChange(change, severity);
    deps.logger.log('INFO', 'compliance change recorded', {
      correlationId,
      configRuleName: change.configRuleName,
      resourceId: change.resourceId,
      complianceType: change.newComplianceType,
      applied: recorded.applied,
    });
    if (recorded.newlyNonCompliant && SEVERITY_RANK[severity] >= SEVERITY_RANK[deps.alertSeverity]) {
      await alert(change, severity, correlationId);
    }
  }

  return async (event, context) => {
    const correlationId = context.awsRequestId;
    try {
      if (isRuleInvocation(event)) {
        await answerRuleInvocation(event, correlationId);
      } else if (isComplianceChange(event)) {
        await recordComplianceChange(event, correlationId);
      } else {
        deps.logger.log('INFO', 'event received', { correlationId, source: eventSource(event) });
      }
    } catch (error) {
      // Thrown on: Lambda retries the event, then sends it to the dead-letter queue.
      deps.logger.log('ERROR', 'event failed', { correlationId, source: eventSource(event), error: (error as Error).message });
      throw error;
    }
  };
}
