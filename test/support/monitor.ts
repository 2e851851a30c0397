import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ComplianceMonitor, ComplianceMonitorProps } from '../../src';

/** The alert address of the monitors the construct tests build. */
export const EMAILS = ['secops@example.com'];

/** A monitor with suffix `test` in a stack of its own, with these props, and its template. */
export function synth(props: Partial<ComplianceMonitorProps> = {}): { stack: Stack; monitor: ComplianceMonitor; template: Template } {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const monitor = new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: 'test', alertEmails: EMAILS, ...props });
  return { stack, monitor, template: Template.fromStack(stack) };
}
