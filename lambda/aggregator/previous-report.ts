import { Readable } from 'stream';
import { inResourceOrder, PreviousReport, reportedFinding, ReportedFinding, violationsOf } from '../../src/core/report/changes-since';
import { ReportedEvaluation } from '../../src/core/report/report';

/** The line that opens the evaluations in a report written with two-space indents, as every report is. */
const EVALUATIONS_OPEN = '  "evaluations": [';
/** The line that closes the list (with the comma before the next key, or not). */
const EVALUATIONS_CLOSE = /^ {2}\](,?)$/;
/** The line that closes one evaluation of that list (with the comma before the next one, or not). */
const EVALUATION_CLOSE = /^ {4}\},?$/;
/** An evaluation's verdict line when it is a violation: only those evaluations are parsed. */
const VIOLATION = /^ {6}"complianceType": "NON_COMPLIANT",?$/;
/**
 * The lines before the evaluations in the aggregator's streamed layout: `{` and the timestamp. Only
 * that layout is known to list them in resource id order (the order it reads the findings index);
 * a report in another one has its violations sorted once read.
 */
const STREAMED_LAYOUT_HEAD_LINES = 2;

/** What the comparison names of the previous report, known once it is read to its end. */
export interface PreviousReportFigures {
  readonly report_timestamp: string;
  readonly compliance_percentage?: number;
}

/** Lines of a stream of text, a chunk at a time: one promise per chunk, not per line. */
async function* lines(body: Readable): AsyncGenerator<string[]> {
  let carry = '';
  body.setEncoding('utf8');
  for await (const chunk of body as AsyncIterable<string>) {
    const split = (carry + chunk).split('\n');
    carry = split.pop()!;
    yield split;
  }
  yield [carry];
}

/**
 * A previous report's violations, a chunk at a time, in resource id order: of its list of
 * evaluations only the violations are parsed, each alone; the rest of the document (its figures,
 * its changes) is parsed whole at the end and gives the figures returned. A report in another
 * layout than the aggregator's streamed one has its violations kept and sorted, and yielded at the end.
 */
export async function* previousViolations(body: Readable): AsyncGenerator<ReportedFinding[], PreviousReportFigures> {
  const rest: string[] = [];
  const unordered: ReportedFinding[] = [];
  let inStreamedLayout = false;
  let evaluation: string[] | undefined;
  let violation = false;
  for await (const chunk of lines(body)) {
    const violations: ReportedFinding[] = [];
    for (const line of chunk) {
      if (evaluation === undefined) {
        if (line === EVALUATIONS_OPEN) {
          evaluation = [];
          inStreamedLayout = rest.length === STREAMED_LAYOUT_HEAD_LINES;
        } else {
          rest.push(line);
        }
        continue;
      }
      const closed = EVALUATIONS_CLOSE.exec(line);
      if (closed) {
        rest.push(`  "evaluations": []${closed[1]}`);
        evaluation = undefined;
      } else if (EVALUATION_CLOSE.test(line)) {
        if (violation) {
          (inStreamedLayout ? violations : unordered).push(reportedFinding(JSON.parse(`${evaluation.join('\n')}\n}`) as ReportedEvaluation));
        }
        evaluation = [];
        violation = false;
      } else {
        evaluation.push(line);
        violation ||= VIOLATION.test(line);
      }
    }
    if (violations.length > 0) {
      yield violations;
    }
  }
  const document = JSON.parse(rest.join('\n')) as PreviousReport;
  const listed = inResourceOrder([...unordered, ...violationsOf(document.evaluations)]);
  if (listed.length > 0) {
    yield listed;
  }
  return { report_timestamp: document.report_timestamp, compliance_percentage: document.summary?.compliance_percentage };
}
