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

const FORMATS_BY_EXTENSION: Readonly<Record<string, OutputFormat>> = { json: 'json', txt: 'text', csv: 'csv', html: 'html', htm: 'html' };

/** The format of an output: `--format` when given, else the file's extension, else JSON. */
export function outputFormat(args: EvaluateArguments, outFile: string | undefined): OutputFormat {
  const extension = outFile?.split('.').pop()?.toLowerCase() ?? '';
  return args.format ?? FORMATS_BY_EXTENSION[extension] ?? 'json';
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
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      inputs.push(arg);
      i++;
    }
  }
  if (inputs.length === 0) {
    throw new UsageError('no INPUT file given');
  }
  return { rulesFile, format, outFiles, inputs };
}
