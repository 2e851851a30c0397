import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ComplianceMonitor } from '../src';
import { handlerCode } from '../src/functions/handler-code';

function synth(environmentSuffix = 'test'): { app: App; template: Template } {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  new ComplianceMonitor(stack, 'Compliance', { environmentSuffix });
  return { app, template: Template.fromStack(stack) };
}

describe('ComplianceMonitor functions', () => {
  test.each(['analyzer', 'aggregator', 'remediator'])('%s runs on the DESIGN.md defaults and is named with the suffix', (name) => {
    synth('prod').template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: `compliance-${name}-prod`,
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      TracingConfig: { Mode: 'Active' },
      Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } },
    });
  });

  test('each function ships its own esbuild bundle, not the source tree', () => {
    const { app, template } = synth();
    const assembly = app.synth();
    const functions = template.findResources('AWS::Lambda::Function');
    expect(Object.keys(functions)).toHaveLength(3);

    const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'Stack.assets.json'), 'utf8'));
    const bundles = Object.values(functions).map((fn) => {
      const assetHash = (fn.Properties.Code.S3Key as string).replace(/\.zip$/, '');
      const assetDir = manifest.files[assetHash].source.path as string;
      return fs.readFileSync(path.join(assembly.directory, assetDir, 'index.js'), 'utf8');
    });
    for (const [i, name] of ['analyzer', 'aggregator', 'remediator'].entries()) {
      expect(bundles[i]).toContain(`"${name}"`);
      // minified: the bundle is a few lines, not the formatted source
      expect(bundles[i].split('\n').length).toBeLessThan(5);
    }
  });

  test('a missing bundle fails the synth with the command that builds it', () => {
    const emptyAssets = fs.mkdtempSync(path.join(os.tmpdir(), 'assets-'));
    expect(() => handlerCode('analyzer', emptyAssets)).toThrow(
      `The analyzer handler bundle is missing at ${path.join(emptyAssets, 'analyzer')}: run "npx projen bundle" to build it.`,
    );
  });
});

describe('environmentSuffix validation', () => {
  test.each([
    ['Prod', /lowercase letters, digits and inner hyphens/],
    ['', /lowercase letters, digits and inner hyphens/],
    ['-prod', /lowercase letters, digits and inner hyphens/],
    ['prod_1', /lowercase letters, digits and inner hyphens/],
    ['a'.repeat(43), /43 characters: at most 42 .* 64-character Lambda function name limit/],
  ])('rejects %j, naming the prop', (suffix, message) => {
    expect(() => synth(suffix)).toThrow(/^environmentSuffix /);
    expect(() => synth(suffix)).toThrow(message);
  });

  test('accepts the longest suffix whose names fit', () => {
    const suffix = 'a'.repeat(42);
    synth(suffix).template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: `compliance-remediator-${suffix}`,
    });
    expect(`compliance-remediator-${suffix}`).toHaveLength(64);
  });
});
