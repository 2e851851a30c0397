import { awscdk, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

/** Lambda handlers under `lambda/<name>/index.ts`, each bundled into `assets/<name>/index.js`. */
const LAMBDA_HANDLERS = ['analyzer', 'aggregator', 'remediator'];

/** The offline CLI, `cli/index.ts`, bundled into `assets/cli/index.js` and installed as this command. */
const CLI_COMMAND = 'cdk-compliance-monitor';

/**
 * esbuild target for the handlers: the Node.js version of the construct's default Lambda runtime
 * (lambda.Runtime.NODEJS_24_X in src/functions/compliance-function.ts).
 */
const LAMBDA_NODE_TARGET = 'node24';

/** The Config snapshot the demo evaluates offline: the real items of test/fixtures (build-tools/build-sample-snapshot.ts). */
const SAMPLE_SNAPSHOT = 'samples/config-snapshot.json';

/**
 * The project's Python tools (cfn-lint, checkov, build, twine, pip-tools): a virtual environment
 * in `.venv/`, made from the pinned `requirements-dev.txt` by `build-tools/python-env.sh`, which
 * does nothing when the environment already matches the requirements.
 */
const VENV_BIN = '.venv/bin';

/**
 * jsii's tools and runtime no longer support Node.js 20, the Node.js of this project's machines and
 * its floor: the banner each of them prints would fill the logs of every task that runs them.
 */
const JSII_TOOLS_ENV = { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' };

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-compliance-monitor',
  description:
    'AWS CDK construct that deploys continuous compliance monitoring: AWS Config rules, analyzer, reports, alerts and remediation.',
  keywords: ['aws-cdk', 'cdk', 'compliance', 'aws-config', 'security', 'audit'],
  license: 'Apache-2.0',
  author: 'cdk-compliance-monitor contributors',
  authorAddress: 'maintainers@cdk-compliance-monitor.dev',
  repositoryUrl: 'https://github.com/cdk-compliance-monitor/cdk-compliance-monitor.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  // aws-cdk-lib 2.258+ writes cloud assembly schema 54, which integ-runner (newest: reads up to 53) cannot read.
  cdkVersion: '2.257.0',
  // cdk-nag 3 (the tests' compliance checks) needs constructs 10.5.1.
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',

  // 0.x: jsii's experimental stability, which the wheel states as "Development Status :: 4 - Beta".
  stability: 'experimental',

  // CI is `.ci/run` on this project's machines; no hosted workflows to keep in step with it.
  github: false,
  release: false,

  publishToPypi: {
    distName: 'cdk-compliance-monitor',
    module: 'cdk_compliance_monitor',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkcompliancemonitor',
    mavenGroupId: 'io.github.cdkcompliancemonitor',
    mavenArtifactId: 'cdk-compliance-monitor',
  },

  tsconfigDevFile: 'tsconfig.dev.json',
  eslintOptions: {
    // One typed-lint project for every tree: the dev tsconfig, which includes them all.
    projectService: false,
    tsconfigPath: './tsconfig.dev.json',
    dirs: ['src'],
    devdirs: ['test', 'lambda', 'cli', 'build-tools'],
    // `npm test` changes no file: the eslint task only reports. `npx projen eslint --fix` fixes.
    commandOptions: { fix: false },
  },

  devDeps: [
    'esbuild@^0.28',
    '@types/aws-lambda@^8.10',
    'fast-check@^4',
    // validateScope over a stack; v3's Validations flow needs aws-cdk-lib 2.258+, which integ-runner cannot read.
    'cdk-nag@^3.0.2',
    // Newest integ-tests-alpha; its peer range (^2.245.0) admits 2.257.
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    // Reads cloud assembly schema up to 53, the one aws-cdk-lib 2.257 writes.
    '@aws-cdk/integ-runner@^2.197.10',
    // The handlers' AWS SDK v3 clients: provided by the Lambda runtime, so bundled as externals.
    '@aws-sdk/client-config-service@^3',
    '@aws-sdk/client-dynamodb@^3',
    '@aws-sdk/lib-dynamodb@^3',
    '@aws-sdk/client-s3@^3',
    '@aws-sdk/client-sns@^3',
    '@aws-sdk/client-lambda@^3',
    '@aws-sdk/client-ec2@^3',
    '@aws-sdk/client-rds@^3',
    // The aggregator's multipart upload of reports as they are produced (in the Lambda runtime too).
    '@aws-sdk/lib-storage@^3',
    // Tests: the SQS queue subscribed to the alert topic, to read the alerts moto delivered.
    '@aws-sdk/client-sqs@^3',
    // Powertools for AWS Lambda: the handlers' structured logs and X-Ray traces. Not in the Lambda
    // runtime, so bundled into assets/ at build time (with the X-Ray SDK Tracer uses, which the
    // tests also read segments from).
    '@aws-lambda-powertools/logger@^2',
    '@aws-lambda-powertools/tracer@^2',
    'aws-xray-sdk-core@^3',
    // Handler tests: local DynamoDB and S3 servers, and mocks for the services that have none.
    'dynalite@^4',
    's3rver@^3',
    'aws-sdk-client-mock@^4',
    'playwright-core@^1.65',
    // The browser test's Chromium, shipped inside the package (unpacked on first use): no system
    // browser, no download. 143 is the newest release whose engines admit Node.js 20.
    '@sparticuz/chromium@~143.0.4',
    // cdk-nag 2 beside 3: most users run v2's Aspects, which read NagSuppressions metadata, not v3's
    // acknowledgements; test/deploy-lint checks the monitor under both.
    'cdk-nag-v2@npm:cdk-nag@^2',
  ],
  bin: { [CLI_COMMAND]: 'assets/cli/index.js' },

  jestOptions: {
    // Snapshots are verified, never rewritten, by the test command.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      collectCoverageFrom: ['src/**/*.ts', 'lambda/**/*.ts', 'cli/**/*.ts', '!cli/index.ts'],
    },
  },
});

// The dev tsconfig type-checks (and eslint lints with) every TypeScript tree, and nothing generated.
project.tryFindObjectFile('tsconfig.dev.json')!.addOverride('include', [
  'src/**/*.ts', 'test/**/*.ts', 'lambda/**/*.ts', 'cli/**/*.ts', 'build-tools/**/*.ts', '.projenrc.ts',
]);

// A spread passes every element as an argument: past about 120,000 (a rule's findings, a
// snapshot's items) the stack overflows. Lists of unbounded length are joined with concat or flat.
project.eslint!.addRules({
  'no-restricted-syntax': ['error', {
    selector: "CallExpression[callee.property.name='push'] > SpreadElement",
    message: 'push(...list) overflows the stack on long lists: use concat, flat or a loop',
  }],
});

// ---- The pure core: src/core holds the business logic that the construct, the handlers, the CLI
// and the tests share. It imports nothing from aws-cdk-lib, constructs, the AWS SDK or the rest of
// src/; lambda/ and cli/ import nothing from src/ but the core (test/lint-zones.test.ts proves each).
const CORE_ZONES = [
  { target: './src/core', from: './src', except: ['./core'], message: 'src/core is self-contained: move what it needs into src/core.' },
  { target: ['./lambda', './cli'], from: './src', except: ['./core'], message: 'lambda/ and cli/ share only src/core with the construct.' },
];
project.eslint!.addRules({ 'import/no-restricted-paths': ['error', { zones: CORE_ZONES }] });
project.eslint!.addOverride({
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{ group: ['aws-cdk-lib', 'aws-cdk-lib/*', 'constructs', '@aws-sdk/*'], message: 'src/core is pure: no CDK, constructs or AWS SDK.' }],
    }],
  },
});

// Coverage can only rise: thresholds per source tree (projen's typed options know only `global`).
project.package.file.addOverride('jest.coverageThreshold', {
  './src/': { branches: 90, lines: 95 },
  './lambda/': { branches: 90, lines: 95 },
  './cli/': { branches: 90, lines: 95 },
});

// ---- Lambda bundles: esbuild at build time, shipped in the npm package under assets/ ----
const bundleTask = project.addTask('bundle', {
  description: 'Bundle the Lambda handlers from lambda/ into assets/ with esbuild',
});
for (const handler of LAMBDA_HANDLERS) {
  bundleTask.exec([
    'esbuild',
    `lambda/${handler}/index.ts`,
    '--bundle',
    '--platform=node',
    `--target=${LAMBDA_NODE_TARGET}`,
    '--minify',
    '--sourcemap',
    // The licenses of what is bundled (Powertools, the X-Ray SDK) go beside the bundle, in index.js.LEGAL.txt.
    '--legal-comments=external',
    '--external:@aws-sdk/*',
    `--outfile=assets/${handler}/index.js`,
  ].join(' '));
}
bundleTask.exec([
  'esbuild',
  'cli/index.ts',
  '--bundle',
  '--platform=node',
  // The CLI runs on the user's Node.js, not the Lambda runtime.
  '--target=node20',
  '--minify',
  '--sourcemap',
  '--banner:js="#!/usr/bin/env node"',
  '--outfile=assets/cli/index.js',
].join(' '));
bundleTask.exec('chmod +x assets/cli/index.js');
project.preCompileTask.spawn(bundleTask);
project.gitignore.addPatterns('/assets/', '/cdk.out/', '/demo-output/', '/test-artifacts/', '/.venv/');
project.npmignore?.addPatterns('/docs/', '/samples/', '/demo-output/', '/test-artifacts/', '/.venv/');
project.addPackageIgnore('!/assets/');

// Only the compiled library, its jsii manifest and the bundled handlers ship in the npm package.
project.addPackageIgnore('/lambda/');
project.addPackageIgnore('/cli/');
project.addPackageIgnore('/build-tools/');
project.addPackageIgnore('/.ci/');
project.addPackageIgnore('/cdk.out/');
project.addPackageIgnore('/tsconfig.dev.json');
project.addPackageIgnore('/requirements-dev.in');
project.addPackageIgnore('/requirements-dev.txt');
project.addPackageIgnore('/CONTRIBUTING.md');

// ---- Python tools: one virtual environment, from the pinned requirements-dev.txt ----
const pythonEnvTask = project.addTask('python:env', {
  description: 'Create or update .venv/ from requirements-dev.txt (does nothing when it is up to date)',
  exec: 'bash build-tools/python-env.sh',
});
project.addTask('python:lock', {
  description: 'Re-pin requirements-dev.txt and examples/python/requirements.txt (every package, transitive ones too) from the direct pins in their .in files',
  steps: [
    { spawn: pythonEnvTask.name },
    {
      exec: `${VENV_BIN}/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links `
        + '--output-file requirements-dev.txt requirements-dev.in',
    },
    { spawn: pythonEnvTask.name },
    // The Python example's environment: the wheel's dependencies at their floors, and pytest.
    {
      exec: `${VENV_BIN}/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links `
        + '--output-file examples/python/requirements.txt examples/python/requirements.in',
    },
  ],
});

// ---- Integration test: the example app's snapshot, verified offline by integ-runner ----
const INTEG_RUNNER = 'integ-runner --directory test --language typescript';
project.addTask('integ:update', {
  description: 'Rewrite the integration test snapshot (synthesis only, nothing is deployed)',
  exec: `${INTEG_RUNNER} --update-on-failed --dry-run`,
});
project.testTask.exec(INTEG_RUNNER, { name: 'verify the integration test snapshot' });

// ---- Test: the README's `npm test` works on a fresh clone, so it builds what the tests load ----
project.testTask.prependSpawn(pythonEnvTask, { name: 'the Python tools the tests run (cfn-lint, checkov) in .venv/' });
project.testTask.prependExec('tsc --project tsconfig.dev.json', { name: 'type-check src, lambda, test and build-tools' });
project.testTask.prependSpawn(project.compileTask);
project.testTask.prependSpawn(project.preCompileTask);

// ---- Packaging: every target, in CI as locally; the Java sources without Maven Central ----
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package-all')!);

const packagePython = project.tasks.tryFind('package:python')!;
packagePython.reset();
packagePython.spawn(pythonEnvTask);
packagePython.exec('jsii-pacmak --target python --code-only');
// PyPI's build, in an isolated environment with the build requirements jsii-pacmak's pyproject.toml names.
packagePython.exec(`${VENV_BIN}/python -m build --outdir dist/python dist/python`);
packagePython.exec(`${VENV_BIN}/twine check --strict dist/python/*.whl dist/python/*.tar.gz`);

const packageJava = project.tasks.tryFind('package:java')!;
packageJava.reset('jsii-pacmak --target java --code-only');

// ---- API docs per language: rosetta compiles every example first (README and @example), strictly ----
// It writes the translations into .jsii.tabl.json, which jsii-pacmak puts into the Python and Java
// docstrings; jsii-docgen writes the API in Python and in Java beside API.md.
const docgenTask = project.tasks.tryFind('docgen')!;
for (const [name, value] of Object.entries(JSII_TOOLS_ENV)) {
  docgenTask.env(name, value);
}
docgenTask.prependExec('jsii-rosetta extract --strict .jsii', { name: 'compile and translate every example (rosetta/default.ts-fixture around each)' });
docgenTask.exec('jsii-docgen --language python --output docs/API.python.md');
docgenTask.exec('jsii-docgen --language java --output docs/API.java.md');
project.gitignore.addPatterns('/.jsii.tabl.json');
project.addPackageIgnore('/rosetta/');

// ---- The bindings as their users get them: the Python and Java examples, run by `npm test` ----
const testPythonTask = project.addTask('test:python', {
  description: 'Build the wheel, install it with its pinned dependencies from PyPI into examples/python/.venv/, run the Python example\'s pytest tests',
  env: JSII_TOOLS_ENV,
  steps: [{ spawn: packagePython.name }, { exec: 'bash build-tools/test-python.sh' }],
});
const testJavaTask = project.addTask('test:java', {
  description: 'Generate the Java sources, compile them with aws-cdk-lib, constructs and the jsii runtime from Maven Central, run the Java example\'s JUnit tests (skipped without Maven)',
  env: JSII_TOOLS_ENV,
  steps: [{ spawn: packageJava.name }, { exec: 'bash build-tools/test-java.sh' }],
});
project.testTask.spawn(testPythonTask, { name: 'the Python binding: examples/python/' });
project.testTask.spawn(testJavaTask, { name: 'the Java binding: examples/java/' });
project.gitignore.addPatterns('/examples/python/.venv/', '/examples/java/target/', '__pycache__/');
project.addPackageIgnore('/examples/');

project.tasks.tryFind('package-all')!.exec('ts-node --project tsconfig.dev.json build-tools/verify-packages.ts');

// ---- Benchmarks: scripts that print figures, never timed tests ----
project.addTask('bench:synth', {
  description: 'Synth time of the example app against an empty stack; the template\'s resource count and size',
  exec: 'ts-node --project tsconfig.dev.json --transpile-only build-tools/bench-synth.ts',
});
project.addTask('bench:runtime', {
  description: 'Aggregator time and peak RSS at 100,000 and 1,000,000 findings and over a quarter of 100,000 resources\' history, each beside a plain paginated Query, the sweep over 10,000 resources, bundle sizes and cold imports',
  steps: [{ spawn: 'bundle' }, { exec: 'ts-node --project tsconfig.dev.json --transpile-only build-tools/bench-runtime.ts' }],
});
project.addTask('bench:engine', {
  description: 'Rule engine throughput over a synthetic 100,000-item Config snapshot',
  exec: 'node --expose-gc -r ts-node/register/transpile-only build-tools/bench-engine.ts',
});

// ---- The README's main job ----
const demoTask = project.addTask('demo', {
  description: 'Synthesize the example app into cdk.out/ and write the sample snapshot\'s reports into demo-output/ (no AWS account needed)',
  env: { CDK_OUTDIR: 'cdk.out' },
});
demoTask.spawn(bundleTask);
demoTask.exec('ts-node --project tsconfig.dev.json test/integ.compliance-monitor.ts');
demoTask.exec(`sh build-tools/demo-report.sh ${SAMPLE_SNAPSHOT}`);

project.synth();
