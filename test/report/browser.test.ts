import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium } from 'playwright-core';
import { SAMPLE_SNAPSHOT } from '../../build-tools/build-sample-snapshot';
import { main } from '../../cli/main';

const ROOT = path.join(__dirname, '..', '..');
/** Where the page and its screenshot are kept after the run, for people to look at. */
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

/** The browser's executable and its launch flags, as @sparticuz/chromium gives them. */
interface ShippedChromium {
  readonly executablePath: string;
  readonly args: string[];
}

/**
 * The Chromium that @sparticuz/chromium ships inside its npm package, unpacked once into
 * node_modules/.cache/ (per package version), so that a clone uses only its own browser. The
 * package unpacks into `os.tmpdir()` (by default the shared /tmp) and reuses whatever it finds
 * there, so it runs in a child process whose TMPDIR is the cache, or, the first time, a fresh
 * directory renamed into place once complete: an interrupted run leaves nothing half-unpacked.
 * (The child also keeps the package out of this test's imports: its exports name the ES module's
 * typings first, which TypeScript refuses in a CommonJS file.)
 */
function shippedChromium(): ShippedChromium {
  // The package's exports do not include its package.json.
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json'), 'utf8'));
  const dir = path.join(ROOT, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  const unpacked = fs.existsSync(path.join(dir, 'chromium'));
  if (!unpacked) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
  }
  const into = unpacked ? dir : fs.mkdtempSync(`${dir}.unpacking-`);
  const shipped: ShippedChromium = JSON.parse(execFileSync(process.execPath, ['-e', UNPACK], {
    cwd: ROOT, env: { ...process.env, TMPDIR: into }, encoding: 'utf8',
  }));
  expect(shipped.executablePath).toBe(path.join(into, 'chromium'));
  if (!unpacked) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(into, dir);
  }
  return { ...shipped, executablePath: path.join(dir, 'chromium') };
}
const UNPACK = `const chromium = require('@sparticuz/chromium');
chromium.executablePath().then((executablePath) => process.stdout.write(JSON.stringify({ executablePath, args: chromium.args })));`;

describe('the HTML report in a real browser', () => {
  test('shows the headline figure and every non-compliant row, and requests nothing', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const page = path.join(ARTIFACTS, 'report.html');
    const json = path.join(ARTIFACTS, 'report.json');
    // The CLI's own rendering of the sample snapshot, built from the real fixtures.
    await main(['evaluate', '--out', page, '--out', json, SAMPLE_SNAPSHOT], { stdout: () => undefined, stderr: (text) => { throw new Error(text); } });
    const { summary } = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(summary.compliant).toBeGreaterThan(0);
    expect(summary.non_compliant).toBeGreaterThan(0);

    // The package's own flags, among them --no-sandbox, which Chromium needs to run as root.
    const { executablePath, args } = shippedChromium();
    const browser = await chromium.launch({ executablePath, args, headless: true });
    try {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      tab.on('request', (request) => requests.push(request.url()));
      await tab.goto(pathToFileURL(page).href);

      const headline = tab.locator('.percentage');
      expect(await headline.isVisible()).toBe(true);
      expect(await headline.textContent()).toBe(`${summary.compliance_percentage}%`);
      const rows = tab.locator('#non-compliant tbody tr');
      expect(await rows.count()).toBe(summary.non_compliant);
      for (const row of await rows.all()) {
        expect(await row.isVisible()).toBe(true);
      }
      expect(await tab.locator('#non-compliant tbody tr').first().textContent()).toContain('CRITICAL');
      expect(await tab.locator('svg[role="img"] rect').count()).toBeGreaterThan(0);
      // The audit evidence: the scope with each rule's guidance, the controls framework by framework
      // (those with a failing control open), and the passing evidence closed behind its details.
      const { scope, controls } = JSON.parse(fs.readFileSync(json, 'utf8'));
      expect(await tab.locator('#scope h3 + table tbody tr').count()).toBe(scope.rules.length);
      expect(await tab.locator('#scope').textContent()).toContain(scope.rules[0].description);
      expect(await tab.locator('#controls details').count()).toBe(Object.keys(controls).length);
      const failingControl = tab.locator('#controls details[open] .status-NON_COMPLIANT').first();
      expect(await failingControl.isVisible()).toBe(true);
      expect(await tab.locator('#compliant details').getAttribute('open')).toBeNull();
      expect(await tab.locator('#compliant tbody tr').first().isVisible()).toBe(false);
      await tab.locator('#compliant summary').click();
      expect(await tab.locator('#compliant tbody tr').first().isVisible()).toBe(true);
      await tab.locator('#compliant summary').click();
      expect(requests).toEqual([pathToFileURL(page).href]);
      await tab.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
    expect(fs.statSync(path.join(ARTIFACTS, 'report.png')).size).toBeGreaterThan(10_000);
  }, 60_000);
});
