import { Aws, aws_config as config, aws_iam as iam, aws_lambda as lambda, CfnResource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ComplianceRule, Evaluator, RuleSet, RuleTrigger } from '../rules';

/** Properties of the monitor's Config rules. */
export interface ConfigRulesProps {
  readonly ruleSet: RuleSet;
  readonly environmentSuffix: string;
  /** Evaluates the ENGINE rules. */
  readonly analyzer: lambda.IFunction;
  /** What must exist before a rule: the recorder, when the monitor creates it. */
  readonly dependencies: readonly CfnResource[];
}

/** `{rule}-{environmentSuffix}`: the name each rule is deployed under. */
export function deployedRuleName(rule: ComplianceRule, environmentSuffix: string): string {
  return `${rule.ruleName}-${environmentSuffix}`;
}

const CONFIG_PRINCIPAL = new iam.ServicePrincipal('config.amazonaws.com');

/**
 * Config validates that it may invoke a custom rule's function when the rule is created, so the
 * permission must exist first and cannot name the rule's ARN, which Config generates
 * (`config-rule/config-rule-<random>`). The closest scope is this account's config rules in this region.
 */
function allowConfigToInvoke(fn: lambda.IFunction, id: string): CfnResource[] {
  fn.addPermission(id, {
    principal: CONFIG_PRINCIPAL,
    sourceAccount: Aws.ACCOUNT_ID,
    sourceArn: `arn:${Aws.PARTITION}:config:${Aws.REGION}:${Aws.ACCOUNT_ID}:config-rule/*`,
  });
  const permission = fn.permissionsNode.tryFindChild(id);
  return permission instanceof CfnResource ? [permission] : [];
}

function sourceDetails(trigger: RuleTrigger): config.CfnConfigRule.SourceDetailProperty[] {
  const details: config.CfnConfigRule.SourceDetailProperty[] = [];
  if (trigger.onConfigurationChange) {
    details.push(
      { eventSource: 'aws.config', messageType: 'ConfigurationItemChangeNotification' },
      { eventSource: 'aws.config', messageType: 'OversizedConfigurationItemChangeNotification' },
    );
  }
  if (trigger.frequency) {
    details.push({ eventSource: 'aws.config', messageType: 'ScheduledNotification', maximumExecutionFrequency: trigger.frequency });
  }
  return details;
}

function ruleSource(rule: ComplianceRule, evaluatingFunction: lambda.IFunction | undefined): config.CfnConfigRule.SourceProperty {
  if (rule.evaluator === Evaluator.MANAGED) {
    return { owner: 'AWS', sourceIdentifier: rule.identifier! };
  }
  return {
    owner: 'CUSTOM_LAMBDA',
    sourceIdentifier: evaluatingFunction!.functionArn,
    sourceDetails: sourceDetails(rule.trigger ?? RuleTrigger.configurationChanges()),
  };
}

/**
 * One Config rule per rule of the set, named `{rule}-{environmentSuffix}`: MANAGED rules with their
 * identifier and parameters, ENGINE rules as custom Lambda rules on the analyzer, CUSTOM rules on
 * their own function. Periodic rules run at their trigger's frequency.
 */
export function createConfigRules(scope: Construct, props: ConfigRulesProps): Map<string, config.CfnConfigRule> {
  const rules = new Map<string, config.CfnConfigRule>();
  const invokePermissions = new Map<lambda.IFunction, CfnResource[]>();
  for (const rule of props.ruleSet.rules) {
    const evaluatingFunction = rule.evaluator === Evaluator.ENGINE ? props.analyzer : rule.lambdaFunction;
    if (evaluatingFunction && !invokePermissions.has(evaluatingFunction)) {
      invokePermissions.set(evaluatingFunction, allowConfigToInvoke(evaluatingFunction, `ConfigInvoke${invokePermissions.size}`));
    }
    const cfnRule = new config.CfnConfigRule(scope, `Rule-${rule.ruleName}`, {
      configRuleName: deployedRuleName(rule, props.environmentSuffix),
      description: `${rule.ruleName} (${rule.severity}), evaluated by ${rule.evaluator}`,
      source: ruleSource(rule, evaluatingFunction),
      inputParameters: Object.keys(rule.parameters).length > 0 ? rule.parameters : undefined,
      scope: rule.resourceTypes.length > 0 ? { complianceResourceTypes: rule.resourceTypes } : undefined,
      // A custom rule's schedule is in its source details.
      maximumExecutionFrequency: rule.evaluator === Evaluator.MANAGED ? rule.trigger?.frequency : undefined,
    });
    for (const dependency of [...props.dependencies, ...(evaluatingFunction ? invokePermissions.get(evaluatingFunction)! : [])]) {
      cfnRule.addDependency(dependency);
    }
    rules.set(rule.ruleName, cfnRule);
  }
  return rules;
}
