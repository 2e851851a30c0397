import { App, Stack } from 'aws-cdk-lib';
import { ComplianceMonitor } from '../src';

// The example app: what `npm run demo` synthesizes into cdk.out/.
const app = new App();
const stack = new Stack(app, 'ComplianceMonitorExample');
new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: 'example', alertEmails: ['secops@example.com'] });
app.synth();
