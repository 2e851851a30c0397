import { ReportFramework } from '../../src/core/report/controls';
import { renderControlsCsv } from '../../src/core/report/csv';
import { renderHtml } from '../../src/core/report/html';
import { buildReport, ReportedEvaluation, ReportTally } from '../../src/core/report/report';

const TAKEN = new Date('2026-11-23T10:00:00Z');
const evaluation = (configRuleName: string, resourceId: string, complianceType: ReportedEvaluation['complianceType'], resourceType = 'AWS::EC2::SecurityGroup'): ReportedEvaluation =>
  ({ configRuleName, resourceType, resourceId, complianceType, annotation: '' });

/** Two controls share restricted-ssh; 1.10 sorts after 1.2; encryption has its own. */
const PCI: ReportFramework = {
  id: 'PCI_DSS_4',
  name: 'PCI DSS',
  version: '4.0.1',
  controlsByRule: { 'restricted-ssh': ['1.10', '1.2'], 'restricted-common-ports': ['1.2'], 'encrypted-volumes': ['3.5.1'] },
};
const CUSTOM: ReportFramework = { id: 'ACME', name: 'Acme', controlsByRule: { 'restricted-ssh': ['NET-1'] } };

describe('controls section', () => {
  test('a control is compliant only when every judged evaluation of each of its rules is compliant or exempt', () => {
    const report = buildReport([
      evaluation('restricted-ssh', 'sg-1', 'COMPLIANT'),
      evaluation('restricted-common-ports', 'sg-1', 'NON_COMPLIANT'),
      evaluation('restricted-ssh', 'sg-2', 'EXEMPT'),
      evaluation('restricted-common-ports', 'sg-2', 'COMPLIANT'),
      evaluation('encrypted-volumes', 'vol-1', 'NOT_APPLICABLE', 'AWS::EC2::Volume'),
    ], TAKEN, { frameworks: [PCI, CUSTOM] });

    expect(report.controls).toEqual({
      PCI_DSS_4: {
        name: 'PCI DSS',
        version: '4.0.1',
        controls: {
          // sg-1 fails 1.2 through restricted-common-ports; sg-2 is exempt from SSH and compliant with the other rule.
          '1.2': { status: 'NON_COMPLIANT', rules: ['restricted-ssh', 'restricted-common-ports'], resources: { total: 2, compliant: 1, non_compliant: 1, exempt: 0, not_applicable: 0 } },
          '1.10': { status: 'COMPLIANT', rules: ['restricted-ssh'], resources: { total: 2, compliant: 1, non_compliant: 0, exempt: 1, not_applicable: 0 } },
          // Nothing judged: no evidence either way.
          '3.5.1': { status: 'NOT_APPLICABLE', rules: ['encrypted-volumes'], resources: { total: 1, compliant: 0, non_compliant: 0, exempt: 0, not_applicable: 1 } },
        },
      },
      ACME: { name: 'Acme', controls: { 'NET-1': { status: 'COMPLIANT', rules: ['restricted-ssh'], resources: { total: 2, compliant: 1, non_compliant: 0, exempt: 1, not_applicable: 0 } } } },
    });
  });

  test('an evaluation without a verdict keeps a control from being compliant, and a violation outranks it', () => {
    const insufficient = buildReport([evaluation('restricted-ssh', 'sg-1', 'COMPLIANT'), evaluation('restricted-ssh', 'sg-2', 'INSUFFICIENT_DATA')], TAKEN, { frameworks: [CUSTOM] });
    expect(insufficient.controls?.ACME.controls['NET-1'].status).toBe('INSUFFICIENT_DATA');
    const violated = buildReport([evaluation('restricted-ssh', 'sg-2', 'INSUFFICIENT_DATA'), evaluation('restricted-ssh', 'sg-3', 'NON_COMPLIANT')], TAKEN, { frameworks: [CUSTOM] });
    expect(violated.controls?.ACME.controls['NET-1'].status).toBe('NON_COMPLIANT');
  });

  test('a reporter that closes each resource as it goes counts what one that closes at the end counts', () => {
    const evaluations = [
      evaluation('restricted-ssh', 'sg-1', 'COMPLIANT'), evaluation('restricted-common-ports', 'sg-1', 'NON_COMPLIANT'),
      evaluation('restricted-ssh', 'sg-2', 'NON_COMPLIANT'), evaluation('restricted-common-ports', 'sg-2', 'NON_COMPLIANT'),
      evaluation('restricted-ssh', 'sg-3', 'EXEMPT'),
    ];
    const grouped = new ReportTally([PCI]);
    let previous: string | undefined;
    for (const each of evaluations) {
      if (previous !== undefined && previous !== each.resourceId) {
        grouped.closeResources();
      }
      grouped.add(each);
      previous = each.resourceId;
    }
    expect(grouped.overview(TAKEN).controls).toEqual(buildReport(evaluations, TAKEN, { frameworks: [PCI] }).controls);
  });

  test('no section without frameworks, and rules of no framework leave the controls alone', () => {
    expect(buildReport([evaluation('restricted-ssh', 'sg-1', 'NON_COMPLIANT')], TAKEN).controls).toBeUndefined();
    const report = buildReport([evaluation('required-tags', 'sg-1', 'NON_COMPLIANT')], TAKEN, { frameworks: [CUSTOM] });
    expect(report.controls?.ACME.controls['NET-1'].status).toBe('NOT_APPLICABLE');
  });

  test('CSV of control status: one row per control, frameworks in order, formulas defused', () => {
    const hostile: ReportFramework = { id: 'X', name: '=cmd|calc', controlsByRule: { 'restricted-ssh': ['@A1'] } };
    const report = buildReport([evaluation('restricted-ssh', 'sg-1', 'NON_COMPLIANT'), evaluation('restricted-common-ports', 'sg-1', 'COMPLIANT')], TAKEN, { frameworks: [PCI, hostile] });
    expect(renderControlsCsv(report)).toBe(
      'framework,framework_version,control,status,rules,resources,compliant,non_compliant,exempt,not_applicable\r\n' +
      'PCI DSS,4.0.1,1.2,NON_COMPLIANT,restricted-ssh restricted-common-ports,1,0,1,0,0\r\n' +
      'PCI DSS,4.0.1,1.10,NON_COMPLIANT,restricted-ssh,1,0,1,0,0\r\n' +
      'PCI DSS,4.0.1,3.5.1,NOT_APPLICABLE,encrypted-volumes,0,0,0,0,0\r\n' +
      "'=cmd|calc,,'@A1,NON_COMPLIANT,restricted-ssh,1,0,1,0,0\r\n");
    expect(renderControlsCsv(buildReport([], TAKEN))).toBe('framework,framework_version,control,status,rules,resources,compliant,non_compliant,exempt,not_applicable\r\n');
  });
});

describe('the HTML control view', () => {
  test('per framework, each control with its status, rules and failing resources; a failing framework open; text escaped', () => {
    const hostile: ReportFramework = { id: 'X', name: '<b>Acme</b>', controlsByRule: { 'restricted-ssh': ['<i>N-1</i>'] } };
    const report = buildReport([
      evaluation('restricted-ssh', 'sg-<1>', 'NON_COMPLIANT'),
      evaluation('restricted-common-ports', 'sg-<1>', 'COMPLIANT'),
      evaluation('encrypted-volumes', 'vol-1', 'COMPLIANT', 'AWS::EC2::Volume'),
    ], TAKEN, { frameworks: [PCI, hostile] });
    const html = renderHtml(report);
    const section = html.slice(html.indexOf('<section id="controls">'), html.indexOf('</section>', html.indexOf('<section id="controls">')));
    expect(section).toContain('<details open><summary>PCI DSS 4.0.1: 1 of 3 controls compliant, 2 non-compliant</summary>');
    expect(section).toContain('<td><span class="id">3.5.1</span></td><td><span class="status status-COMPLIANT">Compliant</span></td><td>encrypted-volumes</td><td>0 of 1</td><td></td>');
    expect(section).toContain('<td><span class="id">1.2</span></td><td><span class="status status-NON_COMPLIANT">Non-compliant</span></td>' +
      '<td>restricted-ssh<br>restricted-common-ports</td><td>1 of 1</td><td><span class="id">sg-&lt;1&gt;</span> (restricted-ssh)</td>');
    expect(section).toContain('<summary>&lt;b&gt;Acme&lt;/b&gt;: 0 of 1 controls compliant, 1 non-compliant</summary>');
    expect(section).toContain('&lt;i&gt;N-1&lt;/i&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  test('a framework with no failing control is closed, and no section without frameworks', () => {
    const report = buildReport([evaluation('encrypted-volumes', 'vol-1', 'COMPLIANT', 'AWS::EC2::Volume')], TAKEN, { frameworks: [PCI] });
    expect(renderHtml(report)).toContain('<details><summary>PCI DSS 4.0.1: 1 of 3 controls compliant, 0 non-compliant</summary>');
    expect(renderHtml(buildReport([], TAKEN))).not.toContain('id="controls"');
  });
});
