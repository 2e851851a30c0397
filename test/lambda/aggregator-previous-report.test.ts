import { Readable } from 'stream';
import { previousViolations, PreviousReportFigures } from '../../lambda/aggregator/previous-report';
import { ReportedFinding, reportedFinding } from '../../src/core/report/changes-since';
import { REPORT_FORMATS } from '../../src/core/report/formats';
import { jsonReport } from '../../src/core/report/json';
import { buildReport, ComplianceReport, ReportedEvaluation } from '../../src/core/report/report';
import { compareUtf8 } from '../../src/core/storage/key-order';

const evaluation = (resourceId: string, complianceType: ReportedEvaluation['complianceType'], annotation = ''): ReportedEvaluation =>
  ({ configRuleName: 'restricted-ssh', resourceType: 'AWS::EC2::SecurityGroup', resourceId, complianceType, annotation });
const HOSTILE = 'x\n    },\n  ],\n  "evaluations": [\n      "complianceType": "NON_COMPLIANT",';
/** In resource id order, as the aggregator writes them. */
const EVALUATIONS = [
  evaluation('sg-1', 'NON_COMPLIANT', HOSTILE),
  evaluation('sg-2', 'COMPLIANT', HOSTILE),
  evaluation('sg-3', 'EXEMPT', 'Exempt: "NON_COMPLIANT"'),
  evaluation(`sg-${HOSTILE}`, 'NON_COMPLIANT'),
  evaluation('sg-\u{1F600}', 'NON_COMPLIANT'),
];
const REPORT: ComplianceReport = {
  ...buildReport(EVALUATIONS, new Date('2026-11-23T10:00:00Z')),
  changes_since_previous: { newly_non_compliant: [{ configRuleName: 'r', resourceType: 't', resourceId: 'sg-1' }], newly_fixed: [] },
};

function streamedLayout(report: ComplianceReport): string {
  const { report_timestamp: taken, evaluations, ...figures } = report;
  return jsonReport.head(taken) + evaluations.map((item, i) => jsonReport.evaluation(item, i === 0)).join('') + jsonReport.tail(figures, evaluations.length === 0);
}

/** The text in chunks of `size` characters: lines and characters cut across chunks. */
function chunked(text: string, size: number): Readable {
  const bytes = Buffer.from(text);
  return Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));
}

/** Every chunk of violations the reader yields, and the figures it returns at the end. */
async function readAll(body: Readable): Promise<{ chunks: ReportedFinding[][]; figures: PreviousReportFigures }> {
  const reader = previousViolations(body);
  const chunks: ReportedFinding[][] = [];
  for (let next = await reader.next(); ; next = await reader.next()) {
    if (next.done) {
      return { chunks, figures: next.value };
    }
    chunks.push(next.value);
  }
}

describe('reading the previous report', () => {
  const expected = [EVALUATIONS[0], EVALUATIONS[3], EVALUATIONS[4]].map(reportedFinding);

  test.each([
    ['as the aggregator streams it', streamedLayout(REPORT)],
    ['as the JSON format renders it (the reports before streaming)', REPORT_FORMATS.json.render(REPORT)],
    ['in another layout, parsed whole', JSON.stringify(REPORT)],
  ])('%s: its violations only, in resource id order, its time and percentage, whatever the text inside a finding', async (_layout, text) => {
    for (const size of [3, 64 * 1024]) {
      const { chunks, figures } = await readAll(chunked(text, size));
      expect(chunks.flat()).toEqual(expected);
      expect(figures).toEqual({ report_timestamp: '2026-11-23T10:00:00Z', compliance_percentage: 25 });
    }
  });

  test('the streamed layout is yielded as it is read, a chunk at a time; another layout is sorted, so yielded at its end', async () => {
    expect((await readAll(chunked(streamedLayout(REPORT), 64))).chunks.length).toBeGreaterThan(1);
    const unordered = { ...REPORT, evaluations: [...EVALUATIONS].reverse() };
    const { chunks } = await readAll(chunked(REPORT_FORMATS.json.render(unordered), 64));
    expect(chunks).toEqual([expected]);
  });

  test('a report without evaluations has no violation', async () => {
    const empty = buildReport([], new Date('2026-11-23T10:00:00Z'));
    for (const text of [streamedLayout(empty), REPORT_FORMATS.json.render(empty)]) {
      expect((await readAll(chunked(text, 5))).chunks).toEqual([]);
    }
  });

  test('a truncated report fails loudly rather than comparing with part of it', async () => {
    const text = streamedLayout(REPORT);
    await expect(readAll(chunked(text.slice(0, text.length - 40), 100))).rejects.toThrow(SyntaxError);
  });
});

describe('compareUtf8', () => {
  test('orders as UTF-8 bytes do, as DynamoDB sorts string keys, where UTF-16 code units do not', () => {
    expect('\u{1F600}' < '\uFFFD').toBe(true);
    expect(compareUtf8('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    const alphabet = ['a', 'b', '\u007f', '\u0080', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{1F600}', '\u{10FFFF}'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const strings = Array.from({ length: 400 }, () => Array.from({ length: Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (let i = 1; i < strings.length; i++) {
      const [a, b] = [strings[i - 1], strings[i]];
      expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }
  });
});
