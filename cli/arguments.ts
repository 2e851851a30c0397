import * as path from 'path';
import { BUILT_IN_FRAMEWORK_IDS, BuiltInFrameworkId, isBuiltInFrameworkId } from '../src/core/frameworks';

/** Options of `cdk-compliance-monitor evaluate`. */
export interface EvaluateArguments {
  readonly command: 'evaluate';
  readonly rulesFile?: string;
  /** The format asked with `--format`; undefined when each output takes its own. */
  readonly format?: OutputFormat;
  /** Files to write the report to; empty for stdout. */
  readonly outFiles: readonly string[];
  readonly inputs: readonly string[];
  /** The frameworks whose controls the report shows, in the order given; every built-in one when none is given. */
  readonly frameworks: readonly BuiltInFrameworkId[];
}

export const PERIOD_OUTPUT_FORMATS = ['json', 'csv'] as const;
export type PeriodOutputFormat = (typeof PERIOD_OUTPUT_FORMATS)[number];

/** Options of `cdk-compliance-monitor period`: `evaluate`'s, and the period. */
export interface PeriodArguments {
  readonly command: 'period';
  /** The period's first instant, and the instant after its last. */
  readonly from: Date;
  readonly to: Date;
  readonly rulesFile?: string;
  readonly format?: PeriodOutputFormat;
  readonly outFiles: readonly string[];
  readonly inputs: readonly string[];
  readonly frameworks: readonly BuiltInFrameworkId[];
}

/** `cdk-compliance-monitor verify DIR`. */
export interface VerifyArguments {
  readonly command: 'verify';
  readonly folder: string;
}

export type CliArguments = EvaluateArguments | PeriodArguments | VerifyArguments;

export const OUTPUT_FORMATS = ['json', 'text', 'csv', 'controls-csv', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const EVALUATE_SYNOPSIS = 'cdk-compliance-monitor evaluate [--rules FILE] [--framework ID]... [--format json|text|csv|controls-csv|html] [--out FILE]... INPUT...';
const PERIOD_SYNOPSIS = 'cdk-compliance-monitor period --from DATE --to DATE [--rules FILE] [--framework ID]... [--format json|csv] [--out FILE]... INPUT...';
const VERIFY_SYNOPSIS = 'cdk-compliance-monitor verify DIR';
/** Each command's usage line, printed after a usage error of that command. */
export const EVALUATE_USAGE = `usage: ${EVALUATE_SYNOPSIS}`;
export const PERIOD_USAGE = `usage: ${PERIOD_SYNOPSIS}`;
export const VERIFY_USAGE = `usage: ${VERIFY_SYNOPSIS}`;
/** The commands in one line, printed when the command itself is missing or unknown. */
export const USAGE = `usage: ${EVALUATE_SYNOPSIS} | ${PERIOD_SYNOPSIS} | ${VERIFY_SYNOPSIS}`;

/** Exit codes, as --help states them. */
export const EXIT_COMPLIANT = 0;
export const EXIT_NON_COMPLIANT = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_NOTHING_JUDGED = 3;
/** verify's: the same numbers, named for what they mean there. */
export const EXIT_VERIFIED = 0;
export const EXIT_ALTERED = 1;

export const HELP = `usage: ${EVALUATE_SYNOPSIS}
       ${PERIOD_SYNOPSIS}
       ${VERIFY_SYNOPSIS}

evaluate: evaluates AWS Config configuration items offline, with the monitor's built-in rules
and AWS's semantics for the managed rules of the same names, and writes a compliance report.

INPUT           a file, or - for standard input: JSON, plain or gzip, of any size, one of
                  a Config snapshot or get-resource-config-history output {"configurationItems": [...]}
                  select-resource-config output {"Results": [...]} (select resourceType and resourceId)
                  one configuration item, or an array of them
                  a custom-rule invocation event, an EventBridge Configuration Item Change event
                  an SNS notification of the delivery channel's topic (a configuration item change,
                  or an oversized one: INSUFFICIENT_DATA, its configuration is in S3)
                Only the newest item of each resource counts, across all INPUTs (by
                configurationItemCaptureTime, then configurationStateId); a deleted resource is
                NOT_APPLICABLE. Items of types no rule evaluates are counted as skipped.
--rules FILE    the rules (default: the recommended set), each rule once:
                  {"rules": [{"name": "restricted-ssh", "severity": "CRITICAL",
                    "exemptions": [{"resourceIds": ["sg-0123"], "reason": "RISK-42", "expires": "2027-03-31"},
                                   {"tag": {"key": "role", "value": "bastion"}, "reason": "bastions"}]},
                   {"name": "required-tags", "parameters": {"tag1Key": "Owner"}, "resourceTypes": ["AWS::S3::Bucket"]}]}
                names and parameters are AWS's; severity CRITICAL, HIGH, MEDIUM or LOW (default: the
                rule's own); a violation an exemption covers is EXEMPT until the day after "expires";
                an exemption may name who approved it and its ticket ("approvedBy", "ticket")
--framework ID  a framework whose controls the report shows, each control with its status, rules
                and resources: ${BUILT_IN_FRAMEWORK_IDS.join(', ')}; may be repeated
                (default: all of them); --framework none shows none
--format FORMAT json (default), text, csv (the evaluations), controls-csv (control status) or html;
                without it, each --out FILE takes the format of its extension (.json, .txt, .csv,
                .controls.csv, .html, .htm; none for JSON)
--out FILE      writes the report to FILE instead of standard output; may be repeated
--help          prints this help
--version       prints the version

Exit codes of evaluate:
  ${EXIT_COMPLIANT}  every judged resource is compliant or exempt
  ${EXIT_NON_COMPLIANT}  a resource is non-compliant
  ${EXIT_BAD_INPUT}  bad usage or input: one line on standard error, no report
  ${EXIT_NOTHING_JUDGED}  nothing was judged (no resource compliant, non-compliant or exempt: no item of a type
     the rules evaluate, or only deleted or oversized ones); the report is written, the skipped
     items are counted on standard error

period: measures a period from Config history offline, as the aggregator's period report does
from the findings history: every version of each resource is evaluated with the rules (and the
exemptions in force at each instant), and each version's results hold from its capture time until
the next version's. For each resource, rule and control (of the frameworks chosen): the time
compliant, non-compliant and exempt in the period, the share compliant, violations open at the
start, opened, remediated, ended otherwise and open at the end, the mean and longest time to
remediate; and every exemption that applied.

--from DATE     the period's first instant: YYYY-MM-DD (00:00 UTC) or an ISO 8601 time with its
                offset (2026-07-01T00:00:00Z)
--to DATE       the instant after the period's last, in the same form; not after now
INPUT           as evaluate's: get-resource-config-history output, snapshots, items; every item
                needs its configurationItemCaptureTime. A resource's state before its first item
                read is unknown and counts as not judged: include each resource's item in force at
                --from (get-resource-config-history --earlier-time before it).
--rules, --framework, --out  as evaluate's
--format FORMAT json (default) or csv (one row per resource and rule); without it, each --out FILE
                takes the format of its extension (.json, .csv; none for JSON)

Exit codes of period:
  ${EXIT_COMPLIANT}  no judged resource was non-compliant at any time in the period
  ${EXIT_NON_COMPLIANT}  a resource was non-compliant at some time in the period
  ${EXIT_BAD_INPUT}  bad usage or input: one line on standard error, no report
  ${EXIT_NOTHING_JUDGED}  nothing was judged at any time in the period; the report is written

verify: checks that the reports in a folder are the ones the aggregator wrote. Each report run
writes a manifest, reports/YYYY/MM/DD/compliance-report-<time>.manifest.json, listing the SHA-256
and size of every object it wrote and the SHA-256 of the manifest before it, and a copy of it,
reports/latest.manifest.json.

DIR             the reports bucket downloaded with aws s3 sync s3://BUCKET DIR (the same keys)
                Checks, in order from the first manifest: each manifest's link to the one before it
                (the first has none), then every dated file each manifest lists, then
                reports/latest.manifest.json and the latest.* copies against the newest manifest
                only, since every run overwrites them. Prints one line: the first file or link that
                does not match, or a summary with the newest manifest's SHA-256, to compare with one
                kept outside the bucket (the aggregator logs it), and the files no manifest lists.

Exit codes of verify:
  ${EXIT_VERIFIED}  every link and every listed file matches
  ${EXIT_ALTERED}  a file or link does not match (a changed byte, a missing file, a removed or reordered manifest)
  ${EXIT_BAD_INPUT}  bad usage, or DIR cannot be read or holds no manifest
`;

/** A command's output formats: their names, and the format each file extension asks for. */
interface OutputFormats<F extends string> {
  readonly names: readonly F[];
  /** By extension, longest first (`.controls.csv` before `.csv`); '' for a file without one. */
  readonly byExtension: ReadonlyArray<readonly [string, F]>;
  /** The extensions as a usage error lists them. */
  readonly extensions: string;
}

const EVALUATE_FORMATS: OutputFormats<OutputFormat> = {
  names: OUTPUT_FORMATS,
  byExtension: [['.controls.csv', 'controls-csv'], ['.json', 'json'], ['.txt', 'text'], ['.csv', 'csv'], ['.html', 'html'], ['.htm', 'html'], ['', 'json']],
  extensions: '.json, .txt, .csv, .controls.csv or .html',
};

const PERIOD_FORMATS: OutputFormats<PeriodOutputFormat> = {
  names: PERIOD_OUTPUT_FORMATS,
  byExtension: [['.json', 'json'], ['.csv', 'csv'], ['', 'json']],
  extensions: '.json or .csv',
};

/** The format of an output: `--format` when given, else the file's extension, else JSON (stdout). */
export function outputFormat(args: EvaluateArguments, outFile: string | undefined): OutputFormat {
  return args.format ?? (outFile === undefined ? 'json' : formatOfFile(EVALUATE_FORMATS, outFile)!);
}

/** The format of a period report's output, as {@link outputFormat}. */
export function periodOutputFormat(args: PeriodArguments, outFile: string | undefined): PeriodOutputFormat {
  return args.format ?? (outFile === undefined ? 'json' : formatOfFile(PERIOD_FORMATS, outFile)!);
}

/** The format a file's name asks for; undefined for an unknown extension. */
function formatOfFile<F extends string>(formats: OutputFormats<F>, outFile: string): F | undefined {
  const name = outFile.toLowerCase();
  const extension = path.extname(name);
  return formats.byExtension.find(([ending]) => (ending === '' ? extension === '' : name.endsWith(ending)))?.[1];
}

/** Bad command-line usage; the message is one line, and `usage` the line of the command it concerns. */
export class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(message);
  }
}

/** The value of an option given as `--name value` or `--name=value`. */
function optionValue(argv: readonly string[], index: number, name: string, usage: string): { value: string; consumed: number } {
  const arg = argv[index];
  if (arg.startsWith(`${name}=`)) {
    return { value: arg.slice(name.length + 1), consumed: 1 };
  }
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) {
    throw new UsageError(`${name} needs a value`, usage);
  }
  return { value, consumed: 2 };
}

/** The frameworks `--framework` names: each built-in one once, or none with `none`; every built-in one when not given. */
function chosenFrameworks(given: readonly string[], usage: string): BuiltInFrameworkId[] {
  if (given.length === 0) {
    return [...BUILT_IN_FRAMEWORK_IDS];
  }
  if (given.includes('none')) {
    if (given.length > 1) {
      throw new UsageError('--framework none shows no framework: give it alone', usage);
    }
    return [];
  }
  const unknown = given.find((id) => !isBuiltInFrameworkId(id));
  if (unknown !== undefined) {
    throw new UsageError(`--framework must be one of ${BUILT_IN_FRAMEWORK_IDS.join(', ')} or none (got "${unknown}")`, usage);
  }
  const repeated = given.find((id, index) => given.indexOf(id) !== index);
  if (repeated !== undefined) {
    throw new UsageError(`--framework ${repeated} is given twice`, usage);
  }
  return given as BuiltInFrameworkId[];
}

/** What `evaluate` and `period` share: the rules, the frameworks shown, the format, the outputs and the inputs. */
interface ReportOptions<F extends string> {
  readonly rulesFile?: string;
  readonly format?: F;
  readonly outFiles: readonly string[];
  readonly inputs: readonly string[];
  readonly frameworks: readonly BuiltInFrameworkId[];
  /** The values of the command's own options, by name; the last one given. */
  readonly own: ReadonlyMap<string, string>;
}

const SHARED_OPTIONS = ['--rules', '--format', '--out', '--framework'];

/** Parses a report command's options and inputs, `ownOptions` beside the shared ones. */
function parseReportOptions<F extends string>(
  rest: readonly string[], usage: string, formats: OutputFormats<F>, ownOptions: readonly string[] = [],
): ReportOptions<F> {
  let rulesFile: string | undefined;
  let format: F | undefined;
  const frameworks: string[] = [];
  const outFiles: string[] = [];
  const inputs: string[] = [];
  const own = new Map<string, string>();
  for (let i = 0; i < rest.length;) {
    const arg = rest[i];
    const name = arg.split('=')[0];
    if (SHARED_OPTIONS.includes(name) || ownOptions.includes(name)) {
      const { value, consumed } = optionValue(rest, i, name, usage);
      i += consumed;
      if (ownOptions.includes(name)) {
        own.set(name, value);
      } else if (name === '--rules') {
        rulesFile = value;
      } else if (name === '--framework') {
        frameworks.push(value);
      } else if (name === '--out') {
        outFiles.push(value);
      } else if ((formats.names as readonly string[]).includes(value)) {
        format = value as F;
      } else {
        throw new UsageError(`--format must be one of ${formats.names.join(', ')} (got "${value}")`, usage);
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}"`, usage);
    } else {
      inputs.push(arg);
      i++;
    }
  }
  if (inputs.length === 0) {
    throw new UsageError('no INPUT file given', usage);
  }
  if (inputs.filter((input) => input === '-').length > 1) {
    throw new UsageError('- (standard input) is given more than once', usage);
  }
  const unknownExtension = format === undefined ? outFiles.find((outFile) => formatOfFile(formats, outFile) === undefined) : undefined;
  if (unknownExtension !== undefined) {
    throw new UsageError(`--out ${unknownExtension}: no report format has the extension "${path.extname(unknownExtension)}"; ` +
      `use ${formats.extensions}, or give --format`, usage);
  }
  return { rulesFile, format, outFiles, inputs, frameworks: chosenFrameworks(frameworks, usage), own };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant of `--from` or `--to`: a calendar date (its 00:00 UTC), or a date and time with its
 * offset; a time without one would depend on the machine's zone, so it is refused.
 */
export function periodBound(name: string, value: string): Date {
  const date = DATE.exec(value);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number);
    const instant = new Date(Date.UTC(year, month - 1, day));
    if (instant.getUTCFullYear() === year && instant.getUTCMonth() === month - 1 && instant.getUTCDate() === day) {
      return instant;
    }
  } else if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
    return new Date(value);
  }
  throw new UsageError(`${name} must be a date, YYYY-MM-DD, or a time with its offset, YYYY-MM-DDTHH:MM:SSZ (got "${value}")`, PERIOD_USAGE);
}

/** Parses `period`'s options and inputs. */
function parsePeriod(rest: readonly string[]): PeriodArguments {
  const { own, ...options } = parseReportOptions(rest, PERIOD_USAGE, PERIOD_FORMATS, ['--from', '--to']);
  const [from, to] = ['--from', '--to'].map((name) => {
    const value = own.get(name);
    if (value === undefined) {
      throw new UsageError(`${name} is required`, PERIOD_USAGE);
    }
    return periodBound(name, value);
  });
  if (!(from.getTime() < to.getTime())) {
    throw new UsageError(`--to must be after --from (got ${from.toISOString()} to ${to.toISOString()})`, PERIOD_USAGE);
  }
  return { command: 'period', from, to, ...options };
}

/** Parses `verify DIR`. */
function parseVerify(rest: readonly string[]): VerifyArguments {
  const option = rest.find((arg) => arg.startsWith('-'));
  if (option !== undefined) {
    throw new UsageError(`unknown option "${option}"`, VERIFY_USAGE);
  }
  if (rest.length !== 1) {
    throw new UsageError(rest.length === 0 ? 'no DIR given' : `one DIR expected (got ${rest.length})`, VERIFY_USAGE);
  }
  return { command: 'verify', folder: rest[0] };
}

/** Parses a command and its options; throws a UsageError for anything else. */
export function parseArguments(argv: readonly string[]): CliArguments {
  const [command, ...rest] = argv;
  if (command === 'verify') {
    return parseVerify(rest);
  }
  if (command === 'period') {
    return parsePeriod(rest);
  }
  if (command !== 'evaluate') {
    throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`, USAGE);
  }
  const { own: _none, ...options } = parseReportOptions(rest, EVALUATE_USAGE, EVALUATE_FORMATS);
  return { command: 'evaluate', ...options };
}
