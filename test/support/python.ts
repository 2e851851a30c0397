import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

let ready = false;

/**
 * The path of a command of the project's Python environment, `.venv/bin/{name}`. The environment
 * is made or brought up to date first by `build-tools/python-env.sh` (which the test task also runs
 * before jest, and which does nothing when it is up to date), so a test file run alone with
 * `npx jest` gets the same pinned tools.
 */
export function pythonTool(name: string): string {
  if (!ready) {
    execFileSync('bash', [path.join(ROOT, 'build-tools', 'python-env.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
    ready = true;
  }
  return path.join(ROOT, '.venv', 'bin', name);
}
