import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { compileRule } from '../../src/core/engine';
import { HasTag } from '../../src/core/engine/exemptions';
import { asRecord } from '../../src/core/engine/values';
import { ComplianceChange, complianceChangeOf, EventError, isNewViolation } from '../../src/core/findings/compliance-change';
import { severityRank } from '../../src/core/rules/catalog';
import { exemptionId, exemptionsExpiringSoon } from '../../src/core/rules/exemption-rules';
import { Severity } from '../../src/core/rules/severity';
import { DeployedRule } from '../../src/core/settings/settings';
import { alertsFor, exemptionExpiryNotice, violationAlert } from '../alerts/alert-message';
import { alertPublisher } from '../alerts/publish';
import { evaluateInvocation } from '../evaluations/evaluate-invocation';
import { putEvaluations } from '../evaluations/put-evaluations';
import { isRuleInvocation, ruleInvocationOf } from '../evaluations/rule-invocation';
import { exemptionTags, withExemptions } from '../exemptions/exemptions';
import { TaggedResources } from '../exemptions/tagged-resources';
import { reportedResults } from '../findings/config-compliance';
import { FindingStore, SweepChange } from '../findings/finding-store';
import { reconcile } from '../findings/reconcile';
import { complianceMetricLines, RuleCompliance } from '../metrics/embedded-metrics';
import { eventSource, Logger } from '../observability/logger';
import { observed, traced, Tracer } from '../observability/tracer';
import { remediationEvent } from '../remediation/remediation-request';

/** What the analyzer works with; the entry point builds them once per container. */
export interface AnalyzerDependencies {
  readonly store: FindingStore;
  readonly sns: SNSClient;
  readonly config: ConfigServiceClient;
  readonly lambda: LambdaClient;
  /** Fixes the new violations of the rules that opt in (`autoRemediate`). */
  readonly remediatorFunction: string;
  readonly alertTopicArn: string;
  readonly rules: readonly DeployedRule[];
  /** New violations of rules at or above this severity are alerted. */
  readonly alertSeverity: Severity;
  readonly logger: Logger;
  readonly tracer: Tracer;
  /** A sweep that finds more new violations than this sends one digest instead. */
  readonly digestThreshold: number;
  readonly environmentSuffix: string;
  /** Writes an embedded-metric-format line to the function's log. */
  readonly emitMetrics: (line: string) => void;
  /** The clock exemptions expire by. */
  readonly now?: () => Date;
  /** How many days before an exemption ends the sweep sends its one notice; none when absent. */
  readonly exemptionNoticeDays?: number;
}

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
  const now = deps.now ?? (() => new Date());

  /** An ENGINE rule's invocation: evaluated with the engine, answered with PutEvaluations. */
  async function answerRuleInvocation(event: unknown): Promise<void> {
    const invocation = ruleInvocationOf(event);
    const deployed = rulesByName.get(invocation.configRuleName);
    if (!deployed) {
      throw new EventError(`rule invocation: "${invocation.configRuleName}" is not a rule of this monitor`);
    }
    const rule = compileRule({ ruleName: deployed.ruleName, parameters: invocation.ruleParameters });
    const evaluations = await traced(deps.tracer, 'evaluate', () => evaluateInvocation(deps.config, invocation, rule));
    await traced(deps.tracer, 'put evaluations', () => putEvaluations(deps.config, invocation.resultToken, evaluations));
    deps.logger.info('rule evaluated', { configRuleName: invocation.configRuleName, kind: invocation.kind, evaluations: evaluations.length });
  }

  const publish = alertPublisher(deps.sns, deps.alertTopicArn, deps.logger);

  const alerted = (severity: Severity) => severityRank(severity) <= severityRank(deps.alertSeverity);

  /** Results as the monitor records them, exemptions applied; tags are looked up only for violations of rules that exempt by tag. */
  async function exemptionsApplied(
    rule: DeployedRule | undefined, results: ComplianceChange[], tagged: TaggedResources, at: Date,
  ): Promise<ComplianceChange[]> {
    const exemptions = rule?.exemptions ?? [];
    const tags = exemptionTags(exemptions);
    const violated = results.some((result) => result.newComplianceType === 'NON_COMPLIANT');
    const hasTag: HasTag = tags.length > 0 && violated ? await tagged.load(tags) : () => false;
    return results.map((result) => withExemptions(result, exemptions, hasTag, at));
  }

  /**
   * Asks the remediator, asynchronously, to fix a new violation of a rule that opts in. A failed
   * request is logged in full: the finding and its alert are recorded already.
   */
  async function requestRemediation(change: ComplianceChange, correlationId: string): Promise<void> {
    const request = {
      configRuleName: change.configRuleName,
      resourceType: change.resourceType,
      resourceId: change.resourceId,
      awsRegion: change.awsRegion,
      annotation: change.annotation,
      correlationId,
    };
    try {
      await deps.lambda.send(new InvokeCommand({
        FunctionName: deps.remediatorFunction,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(remediationEvent(request))),
      }));
    } catch (error) {
      deps.logger.error('remediation not requested', { error: error as Error, request });
    }
  }

  /**
   * The scheduled sweep: every rule's results from Config, reconciled with the table; what events
   * missed is recorded now, what Config no longer reports is resolved, new violations alerted (one
   * digest when many), and the compliance metrics written.
   */
  async function sweep(context: Context): Promise<void> {
    const correlationId = context.awsRequestId;
    const location = locationOf(context);
    const at = now();
    const tagged = new TaggedResources(deps.config);
    let alertedViolations: SweepChange[] = [];
    let toRemediate: ComplianceChange[] = [];
    const compliance: RuleCompliance[] = [];
    let written = 0;
    await traced(deps.tracer, 'reconcile', async () => {
      for (const rule of deps.rules) {
        const reported = await exemptionsApplied(rule, await reportedResults(deps.config, rule.configRuleName, location), tagged, at);
        const { changes, resolved } = reconcile(await deps.store.currentFindings(rule.configRuleName), reported, at);
        const sweepChanges = changes.map(({ change, previous }) => ({ change, previous, severity: rule.severity }));
        await deps.store.writeSweep(sweepChanges, resolved, at);
        written += changes.length + resolved.length;
        const newViolations = sweepChanges.filter(({ change }) => isNewViolation(change.oldComplianceType, change.newComplianceType));
        if (alerted(rule.severity)) {
          alertedViolations = alertedViolations.concat(newViolations);
        }
        if (rule.autoRemediate) {
          toRemediate = toRemediate.concat(newViolations.map(({ change }) => change));
        }
        const count = (type: string) => reported.filter((result) => result.newComplianceType === type).length;
        compliance.push({ configRuleName: rule.configRuleName, compliant: count('COMPLIANT'), nonCompliant: count('NON_COMPLIANT') });
      }
    });
    await traced(deps.tracer, 'alert', async () => {
      for (const message of alertsFor(alertedViolations, deps.digestThreshold)) {
        await publish(message);
      }
    });
    await traced(deps.tracer, 'request remediations', async () => {
      for (const change of toRemediate) {
        await requestRemediation(change, correlationId);
      }
    });
    const noticesSent = await traced(deps.tracer, 'exemption notices', () => sendExpiryNotices(at));
    for (const line of complianceMetricLines(deps.environmentSuffix, compliance, written, at)) {
      deps.emitMetrics(line);
    }
    deps.logger.info('sweep done', {
      rules: deps.rules.length,
      findingsWritten: written,
      alertedViolations: alertedViolations.length,
      remediationsRequested: toRemediate.length,
      exemptionNoticesSent: noticesSent,
    });
  }

  /** One notice per exemption that ends within the notice days, claimed in the table first: a second sweep sends none. */
  async function sendExpiryNotices(at: Date): Promise<number> {
    if (deps.exemptionNoticeDays === undefined) {
      return 0;
    }
    let sent = 0;
    for (const { configRuleName, exemption } of exemptionsExpiringSoon(deps.rules, at, deps.exemptionNoticeDays)) {
      if (await deps.store.claimExpiryNotice(exemptionId(configRuleName, exemption), exemption.expiresAt!, at)) {
        await publish(exemptionExpiryNotice(configRuleName, exemption));
        sent++;
      }
    }
    return sent;
  }

  async function recordComplianceChange(event: unknown, correlationId: string): Promise<void> {
    const reported = complianceChangeOf(event);
    const rule = rulesByName.get(reported.configRuleName);
    const [change] = await exemptionsApplied(rule, [reported], new TaggedResources(deps.config), now());
    const severity = rule?.severity ?? Severity.LOW;
    const recorded = await traced(deps.tracer, 'record change', () => deps.store.recordChange(change, severity));
    deps.logger.info('compliance change recorded', {
      configRuleName: change.configRuleName,
      resourceId: change.resourceId,
      complianceType: change.newComplianceType,
      applied: recorded.applied,
    });
    if (recorded.newlyNonCompliant && alerted(severity)) {
      await traced(deps.tracer, 'alert', () => publish(violationAlert(change, severity)));
    }
    if (recorded.newlyNonCompliant && rule?.autoRemediate) {
      await traced(deps.tracer, 'request remediation', () => requestRemediation(change, correlationId));
    }
  }

  return observed(deps, async (event, context) => {
    try {
      if (isRuleInvocation(event)) {
        await answerRuleInvocation(event);
      } else if (isComplianceChange(event)) {
        await recordComplianceChange(event, context.awsRequestId);
      } else if (isScheduledSweep(event)) {
        await sweep(context);
      } else {
        throw new EventError('not an event the analyzer handles: expected a Config rule invocation, a "Config Rules Compliance Change" event or the scheduled sweep');
      }
    } catch (error) {
      // Thrown on: Lambda retries the event, then sends it to the dead-letter queue.
      deps.logger.error('event failed', { source: eventSource(event), error: error as Error });
      throw error;
    }
  });
}
