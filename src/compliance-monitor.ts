import { aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { createComplianceFunction } from './functions/compliance-function';
import { resourceName, validateEnvironmentSuffix } from './naming';

/** Properties of a {@link ComplianceMonitor}. */
export interface ComplianceMonitorProps {
  /**
   * Suffix of every resource name, so several monitors (dev, staging, prod) can share an account.
   *
   * Lowercase letters, digits and inner hyphens; short enough that every derived name fits its AWS
   * limit (at most 42 characters).
   */
  readonly environmentSuffix: string;
}

/**
 * Continuous compliance monitoring for an AWS account and region.
 *
 * @example
 * new ComplianceMonitor(this, 'Compliance', { environmentSuffix: 'prod' });
 */
export class ComplianceMonitor extends Construct {
  /** Evaluates Config rules and records compliance changes. */
  public readonly analyzerFunction: lambda.Function;
  /** Builds the compliance reports. */
  public readonly aggregatorFunction: lambda.Function;
  /** Fixes violations of the rules that opt in to remediation. */
  public readonly remediatorFunction: lambda.Function;

  constructor(scope: Construct, id: string, props: ComplianceMonitorProps) {
    super(scope, id);
    validateEnvironmentSuffix(props.environmentSuffix);
    const suffix = props.environmentSuffix;

    this.analyzerFunction = createComplianceFunction(this, 'Analyzer', {
      handler: 'analyzer',
      functionName: resourceName('analyzer', suffix),
    });
    this.aggregatorFunction = createComplianceFunction(this, 'Aggregator', {
      handler: 'aggregator',
      functionName: resourceName('aggregator', suffix),
    });
    this.remediatorFunction = createComplianceFunction(this, 'Remediator', {
      handler: 'remediator',
      functionName: resourceName('remediator', suffix),
    });
  }
}
