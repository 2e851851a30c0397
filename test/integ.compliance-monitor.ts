import { ExpectedResult, IntegTest, InvocationType } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { exampleMonitorProps } from './example-monitor';
import { ComplianceMonitor } from '../src';

/**
 * The example app: what `npm run demo` synthesizes into cdk.out/, and the integration test whose
 * snapshot integ-runner verifies offline in `npm test` (and deploys with `npx integ-runner --force`).
 */
// No stack traces in the metadata: the committed snapshot must not depend on where the repository is.
const app = new App({ stackTraces: false });
const stack = new Stack(app, 'ComplianceMonitorExample');
const monitor = new ComplianceMonitor(stack, 'Compliance', exampleMonitorProps('example'));

const integ = new IntegTest(app, 'ComplianceMonitorInteg', { testCases: [stack] });

// The 6-hour sweep, as EventBridge delivers it: the analyzer must handle it without a function error.
const sweep = integ.assertions.invokeFunction({
  functionName: monitor.analyzerFunction.functionName,
  invocationType: InvocationType.REQUEST_RESPONSE,
  payload: JSON.stringify({
    'version': '0',
    'id': 'integ-sweep',
    'detail-type': 'Scheduled Event',
    'source': 'aws.events',
    'account': stack.account,
    'region': stack.region,
    'time': '2026-11-23T10:00:00Z',
    'resources': [monitor.scanRule.ruleArn],
    'detail': {},
  }),
});
sweep.expect(ExpectedResult.objectLike({ StatusCode: 200 }));

// Then the findings table answers the aggregator's query for a rule's current findings.
const currentFindings = integ.assertions.awsApiCall('DynamoDB', 'query', {
  TableName: monitor.findingsTable.tableName,
  IndexName: 'current-findings',
  KeyConditionExpression: 'currentRule = :rule',
  ExpressionAttributeValues: { ':rule': { S: 'required-tags-example' } },
});
currentFindings.expect(ExpectedResult.objectLike({ $metadata: { httpStatusCode: 200 } }));
sweep.next(currentFindings);

app.synth();
