import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { exampleMonitorProps } from './example-monitor';
import { ComplianceMonitor, RemediationMode } from '../src';
import { AGGREGATOR_SETTINGS, ANALYZER_SETTINGS, REMEDIATOR_SETTINGS } from '../src/core/settings/handler-settings';
import { SettingsError } from '../src/core/settings/settings';

/*
 * The contract between the construct and its handlers, as deployed: each handler's decoder, the
 * one its entry point runs, reads the environment the synthesized template gives its function.
 */

const stack = new Stack(new App(), 'Stack');
new ComplianceMonitor(stack, 'Compliance', { ...exampleMonitorProps('test'), remediation: RemediationMode.APPLY });
const template = Template.fromStack(stack);

/** A function's variables as CloudFormation will set them: an intrinsic (a Ref, a GetAtt) stands for the string it resolves to. */
function deployedEnvironment(functionName: string): Record<string, string> {
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName } }));
  return Object.fromEntries(Object.entries(fn.Properties.Environment.Variables as Record<string, unknown>)
    .map(([name, value]) => [name, typeof value === 'string' ? value : `resolved-at-deploy:${JSON.stringify(value)}`]));
}

describe('each handler reads the settings its function is deployed with', () => {
  test('the analyzer', () => {
    const settings = ANALYZER_SETTINGS.decode(deployedEnvironment('compliance-analyzer-test'));
    expect(settings).toMatchObject({ environmentSuffix: 'test', findingsTtlDays: 2557, alertSeverity: 'HIGH', alertDigestThreshold: 10, exemptionNoticeDays: 14 });
    expect(settings.rules.map((rule) => rule.configRuleName)).toContain('restricted-ssh-test');
    expect(settings.findingsTable).toMatch(/^resolved-at-deploy:.*ComplianceFindingsTable/);
  });

  test('the remediator', () => {
    const settings = REMEDIATOR_SETTINGS.decode(deployedEnvironment('compliance-remediator-test'));
    expect(settings.remediationMode).toBe('APPLY');
    expect(settings.rules.some((rule) => rule.autoRemediate)).toBe(true);
  });

  test('the aggregator', () => {
    const settings = AGGREGATOR_SETTINGS.decode(deployedEnvironment('compliance-aggregator-test'));
    expect(settings.configRuleNames).toEqual(expect.arrayContaining(['restricted-ssh-test', 'required-tags-test']));
    expect(settings.environmentSuffix).toBe('test');
    // The built-in frameworks by id alone: their mappings are in the aggregator's code.
    expect(settings.frameworks).toEqual({ frameworks: ['SOC2', 'PCI_DSS_4', 'NIST_800_53_R5', 'CIS_AWS', 'AWS_FSBP'].map((id) => ({ id })) });
  });

  test('a function carries exactly its handler\'s settings (and Node.js\'s source maps), nothing unread', () => {
    const names = (fn: string) => Object.keys(deployedEnvironment(fn)).filter((name) => name !== 'NODE_OPTIONS').sort();
    expect(names('compliance-analyzer-test')).toEqual(['ALERT_DIGEST_THRESHOLD', 'ALERT_SEVERITY', 'ALERT_TOPIC_ARN',
      'ENVIRONMENT_SUFFIX', 'EXEMPTION_NOTICE_DAYS', 'FINDINGS_TABLE', 'FINDINGS_TTL_DAYS', 'REMEDIATOR_FUNCTION', 'RULES']);
    expect(names('compliance-remediator-test')).toEqual(['ALERT_TOPIC_ARN', 'FINDINGS_TABLE', 'FINDINGS_TTL_DAYS', 'REMEDIATION_MODE', 'RULES']);
    expect(names('compliance-aggregator-test')).toEqual(['CONFIG_RULE_NAMES', 'ENVIRONMENT_SUFFIX', 'FINDINGS_TABLE', 'REPORTS_BUCKET', 'REPORT_FRAMEWORKS']);
  });

  test('a variable the construct did not write fails the decoder, naming it', () => {
    const { REMEDIATION_MODE: _dropped, ...withoutMode } = deployedEnvironment('compliance-remediator-test');
    expect(() => REMEDIATOR_SETTINGS.decode(withoutMode)).toThrow(SettingsError);
    expect(() => REMEDIATOR_SETTINGS.decode(withoutMode)).toThrow('environment variable REMEDIATION_MODE is not set');
    expect(() => REMEDIATOR_SETTINGS.decode({ ...withoutMode, REMEDIATION_MODE: 'YOLO' })).toThrow('REMEDIATION_MODE must be one of DRY_RUN, APPLY');
  });
});
