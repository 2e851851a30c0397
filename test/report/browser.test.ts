import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium } from 'playwright-core';
import { SAMPLE_SNAPSHOT } from '../../build-tools/build-sample-snapshot';
import { main } from '../../cli/main';

/** Debian's Chromium, which `.ci/run` installs with apt-get. */
const CHROMIUM = '/usr/bin/chromium';
/** Where the page and its screenshot are kept after the run, for people to look at. */
const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');

describe('the HTML report in a real browser', () => {
  test('shows the headline figure and every non-compliant row, and requests nothing', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const page = path.join(ARTIFACTS, 'report.html');
    const json = path.join(ARTIFACTS, 'report.json');
    // The CLI's own rendering of the sample snapshot, built from the real fixtures.
    main(['evaluate', '--out', page, '--out', json, SAMPLE_SNAPSHOT], { stdout: () => undefined, stderr: (text) => { throw new Error(text); } });
    const { summary } = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(summary.compliant).toBeGreaterThan(0);
    expect(summary.non_compliant).toBeGreaterThan(0);

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
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
      expect(requests).toEqual([pathToFileURL(page).href]);
      await tab.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
    expect(fs.statSync(path.join(ARTIFACTS, 'report.png')).size).toBeGreaterThan(10_000);
  }, 60_000);
});
