import { renderText } from '../../cli/text-format';
import { buildReport, ReportedEvaluation } from '../../src/core/report/report';

const evaluation = (configRuleName: string, resourceId: string, complianceType: ReportedEvaluation['complianceType']): ReportedEvaluation =>
  ({ configRuleName, resourceType: 'AWS::S3::Bucket', resourceId, complianceType, annotation: `${complianceType} note` });
const TAKEN = new Date('2026-11-23T10:00:00Z');

describe('the text table', () => {
  test('non-compliant rows first, then a line for evaluations and one for resources, each with its own percentage', () => {
    const text = renderText(buildReport([
      evaluation('tags', 'b-1', 'COMPLIANT'), evaluation('encryption', 'b-1', 'NON_COMPLIANT'), evaluation('tags', 'b-2', 'EXEMPT'), evaluation('tags', 'b-3', 'NOT_APPLICABLE'),
    ], TAKEN));
    expect(text.split('\n')).toEqual([
      'RESULT          RULE        RESOURCE TYPE    RESOURCE ID  ANNOTATION',
      'NON_COMPLIANT   encryption  AWS::S3::Bucket  b-1          NON_COMPLIANT note',
      'EXEMPT          tags        AWS::S3::Bucket  b-2          EXEMPT note',
      'COMPLIANT       tags        AWS::S3::Bucket  b-1          COMPLIANT note',
      'NOT_APPLICABLE  tags        AWS::S3::Bucket  b-3          NOT_APPLICABLE note',
      '',
      'Evaluations: 50% compliant: 1 compliant, 1 non-compliant, 1 exempt, 1 not applicable',
      'Resources: 0% compliant: 0 compliant, 1 non-compliant, 1 only exempt, 1 only not applicable, of 3 resources',
      '',
    ]);
  });

  test('skipped items, when the report counts them, by resource type; one resource is singular', () => {
    const lines = renderText(buildReport([evaluation('tags', 'b-1', 'COMPLIANT')], TAKEN, {
      skippedItemsByResourceType: { 'AWS::IAM::Role': 2, 'AWS::Lambda::Function': 1 },
    })).split('\n');
    expect(lines.slice(-4)).toEqual([
      'Evaluations: 100% compliant: 1 compliant, 0 non-compliant, 0 exempt, 0 not applicable',
      'Resources: 100% compliant: 1 compliant, 0 non-compliant, 0 only exempt, 0 only not applicable, of 1 resource',
      'Skipped: 3 configuration items no rule judges (AWS::IAM::Role 2, AWS::Lambda::Function 1)',
      '',
    ]);
    expect(renderText(buildReport([], TAKEN, { skippedItemsByResourceType: { 'AWS::IAM::Role': 1 } }))).toContain('Skipped: 1 configuration item no rule judges (AWS::IAM::Role 1)\n');
    expect(renderText(buildReport([], TAKEN, { skippedItemsByResourceType: {} }))).toContain('\nSkipped: 0 configuration items no rule judges\n');
  });
});
