import * as fs from 'fs';
import * as path from 'path';
import { aws_lambda as lambda } from 'aws-cdk-lib';

/** The handlers bundled from `lambda/<name>/` into `assets/<name>/index.js` at build time. */
export type HandlerName = 'analyzer' | 'aggregator' | 'remediator';

/**
 * `assets/` sits at the package root, two levels above this file both as `src/functions/*.ts`
 * (tests, ts-node) and as `lib/functions/*.js` (the published package).
 */
const ASSETS_DIR = path.join(__dirname, '..', '..', 'assets');

/** The Lambda code of a bundled handler; fails clearly when the bundle was never built. */
export function handlerCode(name: HandlerName, assetsDir: string = ASSETS_DIR): lambda.Code {
  const dir = path.join(assetsDir, name);
  if (!fs.existsSync(path.join(dir, 'index.js'))) {
    throw new Error(`The ${name} handler bundle is missing at ${dir}: run "npx projen bundle" to build it.`);
  }
  return lambda.Code.fromAsset(dir);
}
