import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HELP } from '../cli/arguments';

/**
 * The library as users get it: the npm tarball, installed into an app outside this repository.
 * `npm test` compiles and bundles before jest runs, so the tarball holds the current build.
 */

const REPO_ROOT = path.join(__dirname, '..');
const HANDLERS = ['analyzer', 'aggregator', 'remediator'];

/** npm's environment without the variables the outer `npm test` run sets for its own scripts. */
function cleanNpmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env: cleanNpmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let workDir: string;
let tarball: string;
let packedFiles: string[];

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-compliance-monitor-consumer-'));
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', workDir], REPO_ROOT));
  tarball = path.join(workDir, packed.filename);
  packedFiles = packed.files.map((file: { path: string }) => file.path);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('npm tarball', () => {
  test('ships the compiled library, its jsii manifest, every handler bundle with its source map, and the CLI', () => {
    expect(packedFiles).toEqual(expect.arrayContaining([
      'package.json', 'README.md', 'LICENSE', '.jsii', 'lib/index.js', 'lib/index.d.ts',
      ...HANDLERS.flatMap((name) => [`assets/${name}/index.js`, `assets/${name}/index.js.map`]),
      'assets/cli/index.js',
    ]));
  });

  test('leaves out handler sources, TypeScript sources, tests, fixtures and build tooling', () => {
    const unwanted = packedFiles.filter((file) =>
      /^(lambda|src|test|build-tools|\.ci|cdk\.out|demo-output|coverage)\//.test(file) ||
      /fixtures/.test(file) ||
      (file.endsWith('.ts') && !file.endsWith('.d.ts')),
    );
    expect(unwanted).toEqual([]);
  });
});

describe('consumer app', () => {
  test('installs the tarball next to aws-cdk-lib from the registry, synthesizes ComplianceMonitor with only its required props, runs the CLI', () => {
    const appDir = path.join(workDir, 'app');
    fs.mkdirSync(appDir);
    fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true }));
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, 'aws-cdk-lib@2.257.0', 'constructs@^10.5.1'], appDir);
    fs.writeFileSync(path.join(appDir, 'app.js'), [
      "const { App, Stack } = require('aws-cdk-lib');",
      "const { ComplianceMonitor } = require('cdk-compliance-monitor');",
      "const app = new App({ outdir: 'cdk.out' });",
      "new ComplianceMonitor(new Stack(app, 'ConsumerStack'), 'Compliance', { environmentSuffix: 'consumer', alertEmails: ['secops@example.com'] });",
      'app.synth();',
    ].join('\n'));

    execFileSync(process.execPath, ['app.js'], { cwd: appDir, stdio: 'pipe' });

    const outDir = path.join(appDir, 'cdk.out');
    const template = JSON.parse(fs.readFileSync(path.join(outDir, 'ConsumerStack.template.json'), 'utf8'));
    const functions = Object.values(template.Resources as Record<string, any>).filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.FunctionName);
    expect(functions.map((fn) => fn.Properties.FunctionName).sort()).toEqual(
      HANDLERS.map((name) => `compliance-${name}-consumer`).sort(),
    );
    // Each function's code was staged from the installed package's bundled assets.
    for (const fn of functions) {
      const assetDir = path.join(outDir, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
      expect(fs.readFileSync(path.join(assetDir, 'index.js'), 'utf8')).toContain('exports');
    }
    // The CLI is installed as a command.
    const cli = spawnSync(path.join(appDir, 'node_modules', '.bin', 'cdk-compliance-monitor'), ['--help'], { encoding: 'utf8' });
    expect([cli.status, cli.stdout]).toEqual([0, HELP]);
  }, 300_000);
});
