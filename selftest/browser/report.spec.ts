import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test as base, type Page } from '@playwright/test';
import { anchor, renderHtml } from '../../engine/reporter/html.ts';
import type { ConformanceReport } from '../../engine/reporter/model.ts';

const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/mixed-run.json'), 'utf8')) as ConformanceReport;

/** The report opened from disk, as a CI artifact would be, with every console error and request recorded. */
const test = base.extend<{ report: { page: Page; url: string; errors: string[]; requests: string[] }; reportOf: ConformanceReport }>({
  reportOf: [fixture, { option: true }],
  report: async ({ page, reportOf }, use) => {
    const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'conformance.html');
    writeFileSync(file, renderHtml(reportOf));
    const url = pathToFileURL(file).href;
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('request', (r) => r.url().split('#')[0] !== url && requests.push(r.url()));
    await use({ page, url, errors, requests });
    expect(errors, 'console errors').toEqual([]);
    expect(requests, 'network requests').toEqual([]);
  },
});

const visibleVerdicts = (page: Page) => page.locator('details.req:not(.hidden)').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.verdict));

test('the verdict comes first: per API, with the counts and the gate', async ({ report: { page, url } }, info) => {
  await page.goto(url);
  const card = page.locator('.card[data-api="traq"]');
  await expect(card.locator('.big')).toHaveText('✗ does not conform at MUST level');
  await expect(card).toContainText(`${fixture.summary.mustFailures} MUST failures`);
  await expect(card).toContainText(`${fixture.summary.shouldWarnings} SHOULD warnings`);
  await expect(card).toContainText(`${fixture.summary.skips} skips`);
  await expect(card).toContainText(`${fixture.summary.forcedByMock} forced by mock`);
  await expect(page.locator('.gate')).toContainText('Gate (must): failed');
  await expect(page.locator('.gate')).toContainText('known failure(s) accepted by baseline.yaml');
  // Kept as an artifact in test-results/, and attached to the test.
  const shot = await page.screenshot({ fullPage: true, path: info.outputPath('report.png') });
  await info.attach('report.png', { body: shot, contentType: 'image/png' });
});

test('the coverage matrix shows every documented status with its state, and skips say which variable enables them', async ({ report: { page, url } }) => {
  await page.goto(url);
  const cells = page.locator('.matrix td.cell');
  await expect(cells).toHaveCount(fixture.coverage.length);
  await expect(page.locator('.matrix td.c-failed')).not.toHaveCount(0);
  await expect(page.locator('.matrix td.c-forced-by-mock')).not.toHaveCount(0);
  await expect(page.locator('.matrix td.c-skipped').first()).toContainText('enable with');
  await expect(page.locator('.figures')).toContainText('operations exercised: 7/7');
});

test('filters by verdict, level, API and text', async ({ report: { page, url } }) => {
  await page.goto(url);
  const all = await page.locator('details.req').count();
  await page.selectOption('#f-verdict', 'fail');
  expect(new Set(await visibleVerdicts(page))).toEqual(new Set(['fail']));
  await expect(page.locator('#f-count')).toHaveText(new RegExp(`^\\d+ of ${all} requirements shown$`));
  await page.selectOption('#f-verdict', 'warn');
  expect(new Set(await visibleVerdicts(page))).toEqual(new Set(['warn']));
  await page.selectOption('#f-verdict', 'forced');
  expect(await page.locator('details.req:not(.hidden)').evaluateAll((els) => els.every((el) => (el as HTMLElement).dataset.forced === 'true'))).toBe(true);
  await page.selectOption('#f-verdict', '');
  await page.selectOption('#f-level', 'SHOULD');
  expect(await page.locator('details.req:not(.hidden) .level').allTextContents()).not.toContain('MUST');
  await page.selectOption('#f-level', '');
  await page.fill('#f-text', 'login#403');
  await expect(page.locator('details.req:not(.hidden)')).toHaveCount(1);
  await page.fill('#f-text', '');
  await expect(page.locator('details.req:not(.hidden)')).toHaveCount(all);
});

test('a deep link opens and scrolls to its requirement; the matrix links there too', async ({ report: { page, url } }) => {
  const id = anchor('traq', 'traq:login#403');
  await page.goto(`${url}#${encodeURIComponent(id)}`);
  const target = page.locator(`details[id="${id}"]`);
  await expect(target).toHaveAttribute('open', '');
  await expect(target).toBeInViewport();
  // A link from the coverage matrix goes to the same place.
  await page.goto(url);
  await page.locator('.matrix tr', { hasText: 'logout' }).locator('td.cell a').first().click();
  await expect(page.locator(`details[id="${anchor('traq', 'traq:logout#204')}"]`)).toBeInViewport();
});

test('evidence is readable: violation, schema errors, request and response, a curl with secrets redacted', async ({ report: { page, url } }) => {
  await page.goto(`${url}#${encodeURIComponent(anchor('traq', 'traq:login#401'))}`);
  const req = page.locator(`details[id="${anchor('traq', 'traq:login#401')}"]`);
  await expect(req.locator('.violation').first()).toContainText('Received:');
  const ex = req.locator('details.exchange').first();
  await ex.locator('summary').click();
  await expect(ex.locator('pre.curl')).toContainText('curl -i -X POST');
  await expect(ex.locator('pre.http').first()).toContainText('"password": "[redacted]"');
});

test.describe('a requirement that corrects the vendor', () => {
  // The traQ fixture run has no correction left (its contract follows the vendor), so one is made here.
  const corrected = fixture.results[0]!;
  const correction = { upstream: 'documents 200 only (#L12)', ours: 'a 4xx for no key', backedBy: 'RFC 9110 §15.5.2' };
  test.use({ reportOf: { ...fixture, results: fixture.results.map((r) => (r === corrected ? { ...r, source: { kind: 'correction', url: 'contracts/traq.yaml#/paths', correction } } : r)) } });
  test('carries the contract\'s reason with it', async ({ report: { page, url } }) => {
    await page.goto(`${url}#${encodeURIComponent(anchor(corrected.api, corrected.requirement))}`);
    const note = page.locator(`details[id="${anchor(corrected.api, corrected.requirement)}"] .correction`);
    await expect(note).toContainText('Upstream: documents 200 only (#L12)');
    await expect(note).toContainText('Backed by: RFC 9110');
  });
});

test('printed, the filters are hidden and every section is open', async ({ report: { page, url } }) => {
  await page.goto(url);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.filters')).toBeHidden();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  expect(await page.locator('details:not([open])').count()).toBe(0);
});

test('findings come before the requirements, grouped by where the requirement is written, with the clean-up statement', async ({ report: { page, url } }, info) => {
  await page.goto(url);
  await expect(page.locator('.findings-line')).toContainText(`${fixture.findings.length} problem`);
  const deviations = page.locator('.finding-group[data-category="deviation"] li.finding');
  await expect(deviations).toHaveCount(fixture.findings.filter((f) => f.category === 'deviation').length);
  await expect(page.locator('.finding-group[data-category="practice"] li.finding')).toHaveCount(fixture.findings.filter((f) => f.category === 'practice').length);
  await expect(page.locator('.finding-group').first()).toContainText("Deviations from the vendor's document");
  await expect(page.locator('.cleanup-warning')).toContainText('1 session still authenticates after logout');
  const order = await page.locator('main > section').evaluateAll((els) => els.map((el) => el.id));
  expect(order.indexOf('findings')).toBeLessThan(order.indexOf('requirements'));
  await page.locator('#findings').screenshot({ path: info.outputPath('findings.png') });
});

test.describe('a mock run', () => {
  test.use({ reportOf: { ...fixture, run: { ...fixture.run, target: 'mock' } } });
  test('says plainly that it checked the contract and the suite, not a server', async ({ report: { page, url } }) => {
    await page.goto(url);
    await expect(page.locator('.note')).toContainText('It checked the contracts and the suite, not a server.');
  });
});
