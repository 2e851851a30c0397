import { aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { handlerCode, HandlerName } from './handler-code';

/** Properties of a monitor function. */
export interface ComplianceFunctionProps {
  /** Which bundled handler the function runs. */
  readonly handler: HandlerName;
  /** The function's physical name. */
  readonly functionName: string;
}

/**
 * One of the monitor's Lambda functions, with the defaults of DESIGN.md: the newest Node.js
 * runtime of aws-cdk-lib 2.257, arm64, 256 MB, X-Ray tracing and source-mapped stack traces.
 */
export function createComplianceFunction(scope: Construct, id: string, props: ComplianceFunctionProps): lambda.Function {
  return new lambda.Function(scope, id, {
    functionName: props.functionName,
    code: handlerCode(props.handler),
    handler: 'index.handler',
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 256,
    tracing: lambda.Tracing.ACTIVE,
    environment: { NODE_OPTIONS: '--enable-source-maps' },
  });
}
