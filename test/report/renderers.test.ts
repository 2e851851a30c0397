import * as fs from 'fs';
import { SAMPLE_SNAPSHOT, sampleSnapshot } from '../../build-tools/build-sample-snapshot';
import { renderCsv } from '../../src/core/report/csv';
import { escapeHtml, formatDuration, renderHtml } from '../../src/core/report/html';
import { buildReport, ComplianceReport, ReportedEvaluation } from '../../src/core/report/report';

const evaluation = (configRuleName: string, resourceId: string, complianceType: ReportedEvaluation['complianceType'], annotation = '', severity?: string): ReportedEvaluation =>
  ({ configRuleName, resourceType: 'AWS::EC2::SecurityGroup', resourceId, complianceType, annotation, severity });
const TAKEN = new Date('2026-11-23T10:00:00Z');

describe('CSV', () => {
  test('a header row, one row per evaluation, CRLF line ends, RFC 4180 quoting', () => {
    const report = buildReport([
      evaluation('restricted-ssh', 'sg-1', 'NON_COMPLIANT', 'SSH open, "world" wide\nsecond line', 'CRITICAL'),
      evaluation('required-tags', 'sg-2', 'COMPLIANT', 'Required tags present'),
    ], TAKEN);
    expect(renderCsv(report)).toBe(
      'config_rule_name,resource_type,resource_id,compliance_type,severity,annotation\r\n' +
      'restricted-ssh,AWS::EC2::SecurityGroup,sg-1,NON_COMPLIANT,CRITICAL,"SSH open, ""world"" wide\nsecond line"\r\n' +
      'required-tags,AWS::EC2::SecurityGroup,sg-2,COMPLIANT,,Required tags present\r\n');
  });

  test('a cell a spreadsheet would run as a formula is defused', () => {
    const csv = renderCsv(buildReport([evaluation('required-tags', '=HYPERLINK("http://x")', 'NON_COMPLIANT', '@SUM(1)')], TAKEN));
    expect(csv.split('\r\n')[1]).toBe('required-tags,AWS::EC2::SecurityGroup,"\'=HYPERLINK(""http://x"")",NON_COMPLIANT,,\'@SUM(1)');
  });
});

describe('HTML', () => {
  const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const report: ComplianceReport = {
    ...buildReport([
      evaluation('required-tags', 'sg-low', 'NON_COMPLIANT', 'tags missing', 'LOW'),
      evaluation('restricted-ssh', 'sg-critical', 'NON_COMPLIANT', hostile, 'CRITICAL'),
      evaluation(`rule-${hostile}`, `id-${hostile}`, 'NON_COMPLIANT', '', `SEVERE${hostile}`),
      evaluation('restricted-ssh', 'sg-bastion', 'EXEMPT', 'Exempt: RISK-42 bastion'),
      evaluation('restricted-ssh', 'sg-ok', 'COMPLIANT'),
    ], TAKEN),
    changes_since_previous: {
      previous_report_timestamp: '2026-11-22T10:00:00Z',
      previous_compliance_percentage: 50,
      newly_non_compliant: [{ configRuleName: 'required-tags', resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-low' }],
      newly_fixed: [],
    },
    mean_time_to_remediate: { 'restricted-ssh': { remediated_findings: 2, mean_seconds: 12_600 } },
  };
  const html = renderHtml(report);

  test('finding text cannot open markup: everything from findings is escaped, and the page has no script', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml(hostile));
    expect(escapeHtml('<a href="x">\'&')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  test('self-contained: no tag fetches anything (no src or href attribute, link, import or url())', () => {
    expect(html).not.toMatch(/<[^>]*\s(src|href)=|<link|@import|url\(/i);
  });

  test('the headline, non-compliant rows first by severity, exemptions apart, the trend and the time to remediate', () => {
    expect(html).toContain('<span class="percentage">25%</span>');
    const rows = html.slice(html.indexOf('id="non-compliant"'), html.indexOf('id="by-rule"'));
    expect(rows.indexOf('sg-critical')).toBeLessThan(rows.indexOf('sg-low'));
    expect(rows.indexOf('sg-low')).toBeLessThan(rows.indexOf(`id-${escapeHtml(hostile)}`));
    expect(rows).toContain('<span class="none">unknown</span>');
    expect(rows).not.toContain('sg-bastion');
    expect(html.slice(html.indexOf('id="exemptions"'))).toContain('Exempt: RISK-42 bastion');
    expect(html).toContain('▼ down 25.0 points since the previous report (50% on 2026-11-22T10:00:00Z): 1 newly non-compliant, 0 newly fixed.');
    expect(html).toContain('<td>3 h 30 min (2)</td>');
  });

  test('without a previous report there is no trend, and an empty report says so', () => {
    const empty = renderHtml(buildReport([], TAKEN));
    expect(empty).not.toContain('since the previous report');
    expect(empty).toContain('No resource is non-compliant.');
    expect(empty).toContain('No rule has an evaluation that applies.');
    expect(renderHtml({
      ...buildReport([evaluation('r', 'sg-1', 'COMPLIANT')], TAKEN),
      changes_since_previous: {
        previous_report_timestamp: '2026-11-22T10:00:00Z', previous_compliance_percentage: 100, newly_non_compliant: [], newly_fixed: [],
      },
    })).toContain('unchanged since the previous report');
  });

  test.each([[30, '30 s'], [0, '0 s'], [2_700, '45 min'], [12_600, '3 h 30 min'], [187_200, '2 d 4 h'], [90_061, '1 d 1 h']])('%d seconds read %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('the demo\'s sample snapshot', () => {
  test('is the real fixtures gathered by build-tools/build-sample-snapshot.ts, unchanged', () => {
    expect(fs.readFileSync(SAMPLE_SNAPSHOT, 'utf8')).toBe(sampleSnapshot());
  });
});
