import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { Severity } from '../../src/rules/severity';
import { AlertMessage, alertsFor, violationAlert } from '../alerts/alert-message';
import { compileRule } from '../engine';
import { asRecord } from '../engine/values';
import { evaluateInvocation } from '../evaluations/evaluate-invocation';
import { putEvaluations } from '../evaluations/put-evaluations';
import { isRuleInvocation, ruleInvocationOf } from '../evaluations/rule-invocation';
import { complianceChangeOf, EventError, isNewViolation } from '../findings/compliance-change';
import { reportedResults } from '../findings/config-compliance';
import { FindingStore, SweepChange } from '../findings/finding-store';
import { reconcile } from '../findings/reconcile';
import { eventSource, Logger } from '../logging/logger';
import { complianceMetricLines, RuleCompliance } from '../metrics/embedded-metrics';
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
  /** A sweep that finds more new violations than this sends one digest instead. */
  readonly digestThreshold: number;
  readonly environmentSuffix: string;
  /** Writes an embedded-metric-format line to the function's log. */
  readonly emitMetrics: (line: string) => void;
}

const SEVERITY_RANK: Record<Severity, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

function isScheduledSweep(event: unknown): boolean {
  const record = asRecord(event);
  return record?.source === 'aws.events' && record['detail-type'] === 'Scheduled Event';
}

/** The account and region of the running function, from its ARN (`arn:aws:lambda:region:account:function:name`). */
function locationOf(context: Context): { awsAccountId: string; awsRegion: string } {
  const [, , , awsRegion = '', awsAccountId = ''] = context.invokedFunctionArn?.split(':') ?? [];
  return { awsAccountId, awsRegion };
}

function isComplianceChange(event: unknown): boolean {
  const record = asRecord(event);
  return record?.source === 'aws.config' && record['detail-type'] === 'Config Rules Compliance Change';
}

/** The analyzer's handler over its dependencies. */
export function createAnalyzer(deps: AnalyzerDependencies): (event: unknown, context: Context) => Promise<void> {
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

  async function publish(message: AlertMessage, correlationId: string): Promise<void> {
    try {
      await deps.sns.send(new PublishCommand({ TopicArn: deps.alertTopicArn, Subject: message.subject, Message: message.body }));
    } catch (error) {
      // The finding is recorded already; the alert is logged in full so that it is not lost with SNS.
      deps.logger.log('ERROR', 'alert not published', { correlationId, error: (error as Error).message, subject: message.subject, body: message.body });
    }
  }

  const alerted = (severity: Severity) => SEVERITY_RANK[severity] >= SEVERITY_RANK[deps.alertSeverity];

  /**
   * The scheduled sweep: every rule's results from Config, reconciled with the table; what events
   * missed is recorded now, what Config no longer reports is resolved, new violations alerted (one
   * digest when many), and the compliance metrics written.
   */
  async function sweep(context: Context): Promise<void> {
    const correlationId = context.awsRequestId;
    const location = locationOf(context);
    const newViolations: SweepChange[] = [];
    const compliance: RuleCompliance[] = [];
    let written = 0;
    for (const rule of deps.rules) {
      const reported = await reportedResults(deps.config, rule.configRuleName, location);
      const { changes, resolved } = reconcile(await deps.store.currentFindings(rule.configRuleName), reported);
      const sweepChanges = changes.map((change) => ({ change, severity: rule.severity }));
      await deps.store.writeSweep(sweepChanges, resolved);
      written += changes.length + resolved.length;
      if (alerted(rule.severity)) {
        newViolations.push(...sweepChanges.filter(({ change }) => isNewViolation(change.oldComplianceType, change.newComplianceType)));
      }
      const nonCompliant = reported.filter((result) => result.newComplianceType === 'NON_COMPLIANT').length;
      compliance.push({ configRuleName: rule.configRuleName, compliant: reported.length - nonCompliant, nonCompliant });
    }
    for (const message of alertsFor(newViolations, deps.digestThreshold)) {
      await publish(message, correlationId);
    }
    for (const line of complianceMetricLines(deps.environmentSuffix, compliance, written, new Date())) {
      deps.emitMetrics(line);
    }
    deps.logger.log('INFO', 'sweep done', { correlationId, rules: deps.rules.length, findingsWritten: written, newViolations: newViolations.length });
  }

  async function recordComplianceChange(event: unknown, correlationId: string): Promise<void> {
    const change = complianceChangeOf(event);
    const severity = rulesByName.get(change.configRuleName)?.severity ?? Severity.LOW;
    const recorded = await deps.store.recordChange(change, severity);
    deps.logger.log('INFO', 'compliance change recorded', {
      correlationId,
      configRuleName: change.configRuleName,
      resourceId: change.resourceId,
      complianceType: change.newComplianceType,
      applied: recorded.applied,
    });
    if (recorded.newlyNonCompliant && alerted(severity)) {
      await publish(violationAlert(change, severity), correlationId);
    }
  }

  return async (event, context) => {
    const correlationId = context.awsRequestId;
    try {
      if (isRuleInvocation(event)) {
        await answerRuleInvocation(event, correlationId);
      } else if (isComplianceChange(event)) {
        await recordComplianceChange(event, correlationId);
      } else if (isScheduledSweep(event)) {
        await sweep(context);
      } else {
        throw new EventError('not an event the analyzer handles: expected a Config rule invocation, a "Config Rules Compliance Change" event or the scheduled sweep');
      }
    } catch (error) {
      // Thrown on: Lambda retries the event, then sends it to the dead-letter queue.
      deps.logger.log('ERROR', 'event failed', { correlationId, source: eventSource(event), error: (error as Error).message });
      throw error;
    }
  };
}
