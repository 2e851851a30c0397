import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { main } from '../../cli/main';

/** What one run of the CLI did: its exit code, its output, and the JSON report when it printed one. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly report?: any;
}

/** The CLI in process, its output captured; `stdin` is what `-` reads. */
export async function runCli(argv: readonly string[], stdin?: Buffer): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    ...(stdin ? { stdin: Readable.from([stdin]) } : {}),
  });
  return { code, stdout, stderr, report: stdout.startsWith('{') ? JSON.parse(stdout) : undefined };
}

/** A directory for each test of the file that calls this, made before the test and removed after it. */
export function scratchDirectory(prefix: string): { path(name?: string): string; write(name: string, content: string | Buffer | object): string } {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    path: (name) => (name === undefined ? dir : path.join(dir, name)),
    write: (name, content) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
      return file;
    },
  };
}
