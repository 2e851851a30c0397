import { Readable } from 'stream';
import { findingKey, PreviousReport, PreviousViolations, previousViolations } from '../../src/core/report/changes-since';
import { ReportedEvaluation } from '../../src/core/report/report';

/** The line that opens the evaluations in a report written with two-space indents, as every report is. */
const EVALUATIONS_OPEN = '  "evaluations": [';
/** The line that closes the list (with the comma before the next key, or not). */
const EVALUATIONS_CLOSE = /^ {2}\](,?)$/;
/** The line that closes one evaluation of that list (with the comma before the next one, or not). */
const EVALUATION_CLOSE = /^ {4}\},?$/;
/** An evaluation's verdict line when it is a violation: only those evaluations are parsed. */
const VIOLATION = /^ {6}"complianceType": "NON_COMPLIANT",?$/;

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
 * A previous report's violations, read a chunk at a time: of its list of evaluations only the
 * violations are parsed, each alone, and only their keys are kept; the rest of the document (its
 * figures, its changes) is parsed whole at the end. A report in another layout is all rest, parsed whole.
 */
export async function readPreviousViolations(body: Readable): Promise<PreviousViolations> {
  const violations = new Map<string, boolean>();
  const rest: string[] = [];
  let evaluation: string[] | undefined;
  let violation = false;
  for await (const chunk of lines(body)) {
    for (const line of chunk) {
      if (evaluation === undefined) {
        if (line === EVALUATIONS_OPEN) {
          evaluation = [];
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
          violations.set(findingKey(JSON.parse(`${evaluation.join('\n')}\n}`) as ReportedEvaluation), false);
        }
        evaluation = [];
        violation = false;
      } else {
        evaluation.push(line);
        violation ||= VIOLATION.test(line);
      }
    }
  }
  const document = JSON.parse(rest.join('\n')) as PreviousReport;
  const listed = previousViolations(document);
  for (const key of listed.violations.keys()) {
    violations.set(key, false);
  }
  return { report_timestamp: document.report_timestamp, compliance_percentage: listed.compliance_percentage, violations };
}
