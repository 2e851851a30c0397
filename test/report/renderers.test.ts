import * as fs from 'fs';
import { SAMPLE_SNAPSHOT, sampleSnapshot } from '../../build-tools/build-sample-snapshot';
import { renderCsv } from '../../src/core/report/csv';
import { REPORT_FORMATS } from '../../src/core/report/formats';
import { escapeHtml, formatDuration, HighlightsCollector, HTML_ROW_LIMIT, renderHtml } from '../../src/core/report/html';
import { buildReport, ComplianceReport, ReportedEvaluation } from '../../src/core/report/report';

const evaluation = (configRuleName: string, resourceId: string, complianceType: ReportedEvaluation['complianceType'], annotation = '', severity?: string): ReportedEvaluation =>
  ({ configRuleName, resourceType: 'AWS::EC2::SecurityGroup', resourceId, complianceType, annotation, severity });
const TAKEN = new Date('2026-11-23T10:00:00Z');

describe('CSV', () => {
  test('a header row, one row per evaluation, CRLF line ends, RFC 4180 quoting', () => {
    const evidence = {
      arn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1',
      awsAccountId: '123456789012',
      awsRegion: 'eu-west-1',
      configurationItemCaptureTime: '2026-11-23T09:00:00.000Z',
      configurationStateId: '1700000000000',
      resultRecordedTime: '2026-11-23T10:00:00.000Z',
    };
    const report = buildReport([
      { ...evaluation('restricted-ssh', 'sg-1', 'NON_COMPLIANT', 'SSH open, "world" wide\nsecond line', 'CRITICAL'), ...evidence },
      evaluation('required-tags', 'sg-2', 'COMPLIANT', 'Required tags present'),
    ], TAKEN);
    // The evidence columns last, empty where the source has none.
    expect(renderCsv(report)).toBe(
      'config_rule_name,resource_type,resource_id,compliance_type,severity,annotation,arn,aws_account_id,aws_region,configuration_item_capture_time,configuration_state_id,result_recorded_time\r\n' +
      'restricted-ssh,AWS::EC2::SecurityGroup,sg-1,NON_COMPLIANT,CRITICAL,"SSH open, ""world"" wide\nsecond line",' +
      'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1,123456789012,eu-west-1,2026-11-23T09:00:00.000Z,1700000000000,2026-11-23T10:00:00.000Z\r\n' +
      'required-tags,AWS::EC2::SecurityGroup,sg-2,COMPLIANT,,Required tags present,,,,,,\r\n');
  });

  test('a cell a spreadsheet would run as a formula is defused', () => {
    const csv = renderCsv(buildReport([evaluation('required-tags', '=HYPERLINK("http://x")', 'NON_COMPLIANT', '@SUM(1)')], TAKEN));
    expect(csv.split('\r\n')[1]).toBe('required-tags,AWS::EC2::SecurityGroup,"\'=HYPERLINK(""http://x"")",NON_COMPLIANT,,\'@SUM(1),,,,,,');
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

describe('the resource view and the skipped items', () => {
  const report = buildReport([
    evaluation('restricted-ssh', 'sg-open', 'NON_COMPLIANT', 'open', 'CRITICAL'),
    evaluation('required-tags', 'sg-open', 'COMPLIANT'),
    evaluation('required-tags', 'sg-tagged', 'COMPLIANT'),
    evaluation('restricted-ssh', 'sg-bastion', 'EXEMPT', 'Exempt: RISK-42'),
    evaluation('restricted-ssh', 'sg-gone', 'NOT_APPLICABLE'),
  ], TAKEN, { skippedItemsByResourceType: { 'AWS::IAM::Role': 3, '<b>AWS::Evil</b>': 1 } });

  test('HTML: the percentage of resources beside that of evaluations, how each resource counts, and the skipped items by type', () => {
    const html = renderHtml(report);
    expect(html).toContain('<span class="percentage">66.7%</span><span>of evaluations compliant: 2 compliant, 1 non-compliant, 1 exempt, 1 not applicable</span>');
    const resources = html.slice(html.indexOf('id="resources"'), html.indexOf('id="chart"'));
    expect(resources).toContain('<span class="resource-percentage">50%</span><span>of resources compliant: 1 compliant, 1 non-compliant, 1 only exempt, 1 only not applicable, of 4</span>');
    expect(resources).toContain('non-compliant when any is');
    const skipped = html.slice(html.indexOf('id="skipped"'));
    expect(skipped).toContain('<h2>Skipped items (4)</h2>');
    expect(skipped).toContain('<td>AWS::IAM::Role</td><td class="number">3</td>');
    expect(skipped).toContain('<td>&lt;b&gt;AWS::Evil&lt;/b&gt;</td>');
    expect(html).not.toContain('<b>');
    expect(renderHtml(buildReport([], TAKEN))).not.toContain('id="skipped"');
    expect(renderHtml(buildReport([], TAKEN, { skippedItemsByResourceType: {} }))).toContain('No item was skipped.');
  });

  test('JSON: the resource summary and the skipped items beside the summary, whose keys stay as they were', () => {
    const json = JSON.parse(REPORT_FORMATS.json.render(report));
    expect(Object.keys(json.summary)).toEqual(['total_resources', 'total_evaluations', 'compliant', 'non_compliant', 'not_applicable', 'exempt', 'compliance_percentage']);
    expect(json.resource_summary).toEqual({ total: 4, compliant: 1, non_compliant: 1, exempt: 1, not_applicable: 1, compliance_percentage: 50 });
    expect(json.skipped_items).toEqual({ total: 4, by_resource_type: { 'AWS::IAM::Role': 3, '<b>AWS::Evil</b>': 1 } });
  });
});

describe('HTML of a large report', () => {
  const many = (count: number, complianceType: ReportedEvaluation['complianceType'], severity: string) =>
    Array.from({ length: count }, (_, i) => evaluation('restricted-ssh', `sg-${severity}-${String(i).padStart(5, '0')}`, complianceType, '', severity));

  test('lists the most severe violations and the first exemptions up to its row limit, and says how many there are', () => {
    const evaluations = [...many(1500, 'NON_COMPLIANT', 'LOW'), ...many(700, 'NON_COMPLIANT', 'CRITICAL'), ...many(1200, 'EXEMPT', 'LOW')];
    const html = renderHtml(buildReport(evaluations, TAKEN));
    const violations = html.slice(html.indexOf('id="non-compliant"'), html.indexOf('id="by-rule"'));
    expect(violations).toContain('<h2>Non-compliant evaluations (2200)</h2>');
    expect(violations).toContain('The 1,000 shown of 2,200; the most severe first');
    expect(violations.match(/<tr><td>/g)).toHaveLength(HTML_ROW_LIMIT);
    expect(violations.match(/severity-CRITICAL/g)).toHaveLength(700);
    expect(violations).toContain('sg-LOW-00299');
    expect(violations).not.toContain('sg-LOW-00300');
    const exemptions = html.slice(html.indexOf('id="exemptions"'));
    expect(exemptions).toContain('The 1,000 shown of 1,200');
    expect(exemptions).toContain('sg-LOW-00999');
    expect(exemptions).not.toContain('sg-LOW-01000');
  });

  test('the collector keeps no more than twice the row limit of violations, whatever it is given', () => {
    const collector = new HighlightsCollector();
    for (const item of many(10_000, 'NON_COMPLIANT', 'HIGH')) {
      collector.add(item);
      expect((collector as any).violations.length).toBeLessThan(2 * HTML_ROW_LIMIT);
    }
    expect(collector.highlights().violations.map((item) => item.resourceId)).toEqual(many(HTML_ROW_LIMIT, 'NON_COMPLIANT', 'HIGH').map((item) => item.resourceId));
  });

  test('changes since the previous report beyond the row limit are counted, and listed up to it', () => {
    const finding = (i: number) => ({ configRuleName: 'restricted-ssh', resourceType: 'AWS::EC2::SecurityGroup', resourceId: `sg-new-${i}` });
    const html = renderHtml({
      ...buildReport([], TAKEN),
      changes_since_previous: {
        previous_report_timestamp: '2026-11-22T10:00:00Z',
        previous_compliance_percentage: 100,
        newly_non_compliant: Array.from({ length: 1001 }, (_, i) => finding(i)),
        newly_fixed: [finding(5000)],
      },
    });
    const changes = html.slice(html.indexOf('id="changes"'));
    expect(changes).toContain('The 1,000 shown of 1,001; the JSON report lists them all.');
    expect(changes).toContain('sg-new-999<');
    expect(changes).not.toContain('sg-new-1000<');
    expect(changes).toContain('sg-new-5000<');
  });
});
