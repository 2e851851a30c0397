import * as fs from 'fs';
import * as path from 'path';
// eslint's eslintrc API, which the project's .eslintrc.json (written by projen) needs.
import { LegacyESLint } from 'eslint/use-at-your-own-risk';

/*
 * The boundary of the pure core, as the project's own lint configuration states it: each zone
 * refuses a wrong import and accepts a right one, linted as the text of a real file of the zone.
 * Only the zone rules run, read from .eslintrc.json, and without type information, which they do
 * not need: typed linting of a text that differs from the file on disk may lint the disk's version.
 */

const ROOT = path.join(__dirname, '..');
const project = JSON.parse(fs.readFileSync(path.join(ROOT, '.eslintrc.json'), 'utf8').replace(/^\/\/.*$/gm, ''));
const eslint = new LegacyESLint({
  cwd: ROOT,
  useEslintrc: false,
  overrideConfig: {
    root: true,
    parser: project.parser,
    parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
    plugins: ['import'],
    settings: project.settings,
    rules: { 'import/no-restricted-paths': project.rules['import/no-restricted-paths'] },
    overrides: project.overrides.filter((override: { rules: Record<string, unknown> }) => 'no-restricted-imports' in override.rules),
  },
});

async function errors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((message) => message.severity === 2).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the core\'s lint zones', () => {
  test.each([
    ['aws-cdk-lib', "import { Stack } from 'aws-cdk-lib';\nexport const stack = Stack;\n", 'no-restricted-imports'],
    ['an aws-cdk-lib module', "import { aws_s3 as s3 } from 'aws-cdk-lib';\nexport const bucket = s3;\n", 'no-restricted-imports'],
    ['constructs', "import { Construct } from 'constructs';\nexport const construct = Construct;\n", 'no-restricted-imports'],
    ['the AWS SDK', "import { S3Client } from '@aws-sdk/client-s3';\nexport const client = S3Client;\n", 'no-restricted-imports'],
    ['the rest of src/', "import { resourceName } from '../../naming';\nexport const name = resourceName;\n", 'import/no-restricted-paths'],
  ])('src/core may not import %s', async (_, code, rule) => {
    expect((await errors(code, 'src/core/engine/values.ts')).map((error) => error.split(':')[0])).toEqual([rule]);
  });

  test('src/core may import src/core', async () => {
    expect(await errors("import { Severity } from '../rules/severity';\nexport const severity = Severity;\n", 'src/core/engine/values.ts')).toEqual([]);
  });

  test.each([
    ['lambda/analyzer/analyzer.ts', "import { resourceName } from '../../src/naming';\nexport const name = resourceName;\n"],
    ['cli/main.ts', "import { ComplianceMonitor } from '../src/compliance-monitor';\nexport const monitor = ComplianceMonitor;\n"],
  ])('%s may not import src/ outside the core', async (file, code) => {
    expect(await errors(code, file)).toEqual([expect.stringMatching(/^import\/no-restricted-paths: .*lambda\/ and cli\/ share only src\/core/)]);
  });

  test.each([
    ['lambda/analyzer/analyzer.ts', "import { Severity } from '../../src/core/rules/severity';\nexport const severity = Severity;\n"],
    ['cli/main.ts', "import { evaluate } from '../src/core/engine';\nexport const run = evaluate;\n"],
  ])('%s may import the core', async (file, code) => {
    expect(await errors(code, file)).toEqual([]);
  });
});
