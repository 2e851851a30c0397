import { Evaluation } from '../../src/core/engine';
import { buildReport, compliancePercentage } from '../../src/core/report/report';
import { meanTimeToRemediate } from '../../src/core/report/time-to-remediate';

const evaluation = (configRuleName: string, resourceType: string, resourceId: string, complianceType: Evaluation['complianceType']): Evaluation =>
  ({ configRuleName, resourceType, resourceId, complianceType, annotation: '' });

describe('buildReport', () => {
  test('summarizes in the report format keys: resources, evaluations, counts by type and by rule', () => {
    const evaluations = [
      evaluation('required-tags', 'AWS::EC2::Instance', 'i-1', 'NON_COMPLIANT'),
      evaluation('ec2-imdsv2-check', 'AWS::EC2::Instance', 'i-1', 'COMPLIANT'),
      evaluation('required-tags', 'AWS::EC2::Instance', 'i-2', 'COMPLIANT'),
      evaluation('encrypted-volumes', 'AWS::EC2::Volume', 'vol-1', 'NOT_APPLICABLE'),
    ];
    const report = buildReport(evaluations, new Date('2026-11-23T10:00:00.123Z'));
    expect(report).toEqual({
      report_timestamp: '2026-11-23T10:00:00Z',
      summary: {
        total_resources: 3, total_evaluations: 3, compliant: 2, non_compliant: 1, not_applicable: 1, exempt: 0, compliance_percentage: 66.7,
      },
      by_resource_type: { 'AWS::EC2::Instance': { total: 3, compliant: 2, non_compliant: 1 } },
      by_rule: {
        'required-tags': { total: 2, compliant: 1, non_compliant: 1 },
        'ec2-imdsv2-check': { total: 1, compliant: 1, non_compliant: 0 },
      },
      evaluations,
    });
  });

  test('nothing applicable is 100% compliant; percentages have one decimal', () => {
    expect(buildReport([], new Date()).summary.compliance_percentage).toBe(100);
    expect(compliancePercentage(120, 150)).toBe(80);
    expect(compliancePercentage(1, 3)).toBe(33.3);
  });
});

describe('meanTimeToRemediate', () => {
  test('per rule, over the findings whose latest violation was fixed; rules with none are left out', () => {
    expect(meanTimeToRemediate([
      { configRuleName: 'restricted-ssh', timeToRemediateSeconds: 600 },
      { configRuleName: 'restricted-ssh', timeToRemediateSeconds: 1801 },
      { configRuleName: 'restricted-ssh' },
      { configRuleName: 'required-tags' },
    ])).toEqual({ 'restricted-ssh': { remediated_findings: 2, mean_seconds: 1201 } });
  });
});
