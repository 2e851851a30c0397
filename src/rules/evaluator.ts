/**
 * Who evaluates a rule. (Not aws-cdk-lib's `aws_config.EvaluationMode`, which says when a rule
 * evaluates: detective or proactive.)
 */
export enum Evaluator {
  /** AWS evaluates the rule as a Config managed rule. The default wherever a managed identifier exists. */
  MANAGED = 'MANAGED',
  /**
   * The monitor's analyzer evaluates the rule as a Config custom Lambda rule with this project's
   * engine, which lifts the managed rules' limits (for example more than six required tags).
   */
  ENGINE = 'ENGINE',
  /** The user's own Lambda function evaluates the rule (`ComplianceRule.custom`). */
  CUSTOM = 'CUSTOM',
}
