import { aws_config as config } from 'aws-cdk-lib';

/** When AWS Config evaluates a rule. */
export class RuleTrigger {
  /** On every change of a resource in the rule's scope. */
  public static configurationChanges(): RuleTrigger {
    return new RuleTrigger(true, undefined);
  }

  /** On a schedule, over every resource in the rule's scope. */
  public static periodic(frequency: config.MaximumExecutionFrequency): RuleTrigger {
    return new RuleTrigger(false, frequency);
  }

  /** On every change, and on a schedule so that nothing missed stays unnoticed. */
  public static configurationChangesAndPeriodic(frequency: config.MaximumExecutionFrequency): RuleTrigger {
    return new RuleTrigger(true, frequency);
  }

  /** Whether a configuration change of a resource in scope triggers an evaluation. */
  public readonly onConfigurationChange: boolean;
  /** How often the rule also runs on a schedule; undefined when it does not. */
  public readonly frequency?: config.MaximumExecutionFrequency;

  private constructor(onConfigurationChange: boolean, frequency: config.MaximumExecutionFrequency | undefined) {
    this.onConfigurationChange = onConfigurationChange;
    this.frequency = frequency;
  }
}
