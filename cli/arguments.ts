import * as path from 'path';

/** Options of `cdk-compliance-monitor evaluate`. */
export interface EvaluateArguments {
  readonly rulesFile?: string;
  /** The format asked with `--format`; undefined when each output takes its own. */
  readonly format?: OutputFormat;
  /** Files to write the report to; empty for stdout. */
  readonly outFiles: readonly string[];
  readonly inputs: readonly string[];
}

export const OUTPUT_FORMATS = ['json', 'text', 'csv', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const USAGE = 'usage: cdk-compliance-monitor evaluate [--rules FILE] [--format json|text|csv|html] [--out FILE]... INPUT...';

/** Exit codes, as --help states them. */
export const EXIT_COMPLIANT = 0;
export const EXIT_NON_COMPLIANT = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_NOTHING_JUDGED = 3;

export const HELP = `${USAGE}

Evaluates AWS Config configuration items offline, with the monitor's built-in rules and AWS's
semantics for the managed rules of the same names, and writes a compliance report.

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
                rule's own); a violation an exemption covers is EXEMPT until the day after "expires"
--format FORMAT json (default), text, csv or html; without it, each --out FILE takes the format of
                its extension (.json, .txt, .csv, .html, .htm; none for JSON)
--out FILE      writes the report to FILE instead of standard output; may be repeated
--help          prints this help
--version       prints the version

Exit codes:
  ${EXIT_COMPLIANT}  every judged resource is compliant or exempt
  ${EXIT_NON_COMPLIANT}  a resource is non-compliant
  ${EXIT_BAD_INPUT}  bad usage or input: one line on standard error, no report
  ${EXIT_NOTHING_JUDGED}  nothing was judged (no resource compliant, non-compliant or exempt: no item of a type
     the rules evaluate, or only deleted or oversized ones); the report is written, the skipped
     items are counted on standard error
`;

const FORMATS_BY_EXTENSION: Readonly<Record<string, OutputFormat>> = { '': 'json', '.json': 'json', '.txt': 'text', '.csv': 'csv', '.html': 'html', '.htm': 'html' };

/** The format of an output: `--format` when given, else the file's extension, else JSON (stdout). */
export function outputFormat(args: EvaluateArguments, outFile: string | undefined): OutputFormat {
  return args.format ?? (outFile === undefined ? 'json' : FORMATS_BY_EXTENSION[path.extname(outFile).toLowerCase()]);
}

/** Bad command-line usage; the message is one line. */
export class UsageError extends Error {}

/** The value of an option given as `--name value` or `--name=value`. */
function optionValue(argv: readonly string[], index: number, name: string): { value: string; consumed: number } {
  const arg = argv[index];
  if (arg.startsWith(`${name}=`)) {
    return { value: arg.slice(name.length + 1), consumed: 1 };
  }
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) {
    throw new UsageError(`${name} needs a value`);
  }
  return { value, consumed: 2 };
}

/** Parses `evaluate` and its options; throws a UsageError for anything else. */
export function parseArguments(argv: readonly string[]): EvaluateArguments {
  const [command, ...rest] = argv;
  if (command !== 'evaluate') {
    throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  }
  let rulesFile: string | undefined;
  let format: OutputFormat | undefined;
  const outFiles: string[] = [];
  const inputs: string[] = [];
  for (let i = 0; i < rest.length;) {
    const arg = rest[i];
    const name = arg.split('=')[0];
    if (name === '--rules' || name === '--format' || name === '--out') {
      const { value, consumed } = optionValue(rest, i, name);
      i += consumed;
      if (name === '--rules') {
        rulesFile = value;
      } else if (name === '--out') {
        outFiles.push(value);
      } else if ((OUTPUT_FORMATS as readonly string[]).includes(value)) {
        format = value as OutputFormat;
      } else {
        throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')} (got "${value}")`);
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      inputs.push(arg);
      i++;
    }
  }
  if (inputs.length === 0) {
    throw new UsageError('no INPUT file given');
  }
  if (inputs.filter((input) => input === '-').length > 1) {
    throw new UsageError('- (standard input) is given more than once');
  }
  const hasNoFormat = (outFile: string) => FORMATS_BY_EXTENSION[path.extname(outFile).toLowerCase()] === undefined;
  const unknownExtension = format === undefined ? outFiles.find(hasNoFormat) : undefined;
  if (unknownExtension !== undefined) {
    throw new UsageError(`--out ${unknownExtension}: no report format has the extension "${path.extname(unknownExtension)}"; ` +
      'use .json, .txt, .csv or .html, or give --format');
  }
  return { rulesFile, format, outFiles, inputs };
}
