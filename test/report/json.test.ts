import { changesSince } from '../../src/core/report/changes-since';
import { REPORT_FORMATS } from '../../src/core/report/formats';
import { jsonReport } from '../../src/core/report/json';
import { buildReport, ReportedEvaluation } from '../../src/core/report/report';

const evaluation = (resourceId: string, complianceType: ReportedEvaluation['complianceType'], annotation: string, severity?: string): ReportedEvaluation =>
  ({ configRuleName: 'restricted-ssh', resourceType: 'AWS::EC2::SecurityGroup', resourceId, complianceType, annotation, severity });
const TAKEN = new Date('2026-11-23T10:00:00Z');

function streamed(evaluations: readonly ReportedEvaluation[]): string {
  const { report_timestamp: taken, evaluations: _listed, ...figures } = buildReport(evaluations, TAKEN);
  return jsonReport.head(taken) + evaluations.map((item, i) => jsonReport.evaluation(item, i === 0)).join('') + jsonReport.tail(figures, evaluations.length === 0);
}

describe('the JSON report in pieces', () => {
  test.each([
    ['several evaluations, one without a severity, hostile text', [
      evaluation('sg-1', 'NON_COMPLIANT', 'line\n    },\n  ],\n"quoted" \\ \u2028 \u{1F600}', 'CRITICAL'),
      evaluation('sg-2', 'COMPLIANT', ''),
    ]],
    ['no evaluation', []],
  ])('%s: byte for byte JSON.stringify(report, null, 2) with the evaluations second, the same document as the JSON format', (_name, evaluations) => {
    const report = buildReport(evaluations as ReportedEvaluation[], TAKEN);
    const { report_timestamp: taken, evaluations: listed, ...figures } = report;
    const text = streamed(evaluations as ReportedEvaluation[]);
    expect(text).toBe(`${JSON.stringify({ report_timestamp: taken, evaluations: listed, ...figures }, null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(JSON.parse(REPORT_FORMATS.json.render(report)));
  });
});

describe('changesSince', () => {
  test('newly non-compliant and newly fixed in resource id order, whatever order the reports list them in; a violation in both is neither', () => {
    const previous = buildReport([evaluation('sg-fixed-2', 'NON_COMPLIANT', ''), evaluation('sg-kept', 'NON_COMPLIANT', ''), evaluation('sg-fixed-1', 'NON_COMPLIANT', '')], TAKEN);
    const changes = changesSince(previous, [
      evaluation('sg-new-2', 'NON_COMPLIANT', ''), evaluation('sg-kept', 'NON_COMPLIANT', ''), evaluation('sg-fixed-1', 'COMPLIANT', ''), evaluation('sg-new-1', 'NON_COMPLIANT', ''),
    ]);
    const ids = (findings: readonly { resourceId: string }[]) => findings.map((finding) => finding.resourceId);
    expect(ids(changes.newly_non_compliant)).toEqual(['sg-new-1', 'sg-new-2']);
    expect(ids(changes.newly_fixed)).toEqual(['sg-fixed-1', 'sg-fixed-2']);
    expect(changes).toMatchObject({ previous_report_timestamp: '2026-11-23T10:00:00Z', previous_compliance_percentage: 0 });
    expect(changesSince(undefined, [evaluation('sg-1', 'NON_COMPLIANT', '')]).newly_non_compliant).toHaveLength(1);
  });

  test('a finding is its rule, type and id: no separator inside one can make two findings one', () => {
    const a = { configRuleName: 'r', resourceType: 't\u0000x', resourceId: 'y', complianceType: 'NON_COMPLIANT' as const, annotation: '' };
    const b = { configRuleName: 'r', resourceType: 't', resourceId: 'x\u0000y', complianceType: 'NON_COMPLIANT' as const, annotation: '' };
    const changes = changesSince(buildReport([a], TAKEN), [b]);
    expect(changes.newly_non_compliant).toEqual([{ configRuleName: 'r', resourceType: 't', resourceId: 'x\u0000y' }]);
    expect(changes.newly_fixed).toEqual([{ configRuleName: 'r', resourceType: 't\u0000x', resourceId: 'y' }]);
  });
});
