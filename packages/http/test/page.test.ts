/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser.
import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openBrowser } from '../scripts/chromium';
import { createApp, type RunningServer, serve } from '../src/index';
import { client, storedSeries, T0, targets } from './fixture';

/** What the page exposes for tests: uPlot's data. */
type ChartWindow = { kairosChart?: { data: (number | null)[][] } };

/** Pixels of a PNG that are neither white nor the background, counted by the browser itself. */
async function inkedPixels(context: BrowserContext, png: Buffer): Promise<number> {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      const { data } = g.getImageData(0, 0, image.width, image.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, gr, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        // The first series' stroke is blue (#1f77b4): count clearly blue pixels.
        if (b > 120 && b - r > 60 && b - gr > 20) inked++;
      }
      return inked;
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  // CI (.ci/run) installs chromium and sets KAIROS_REQUIRE_REDIS: there a missing browser fails.
  if (process.env.KAIROS_REQUIRE_REDIS === '1') throw new Error(`no Chromium at ${CHROMIUM}`);
  console.warn(`SKIPPED: the page tests need Chromium at ${CHROMIUM} (apt-get install chromium)`);
}

/** The browser's zone: half an hour off UTC, so that a chart in UTC would show other times. */
const ZONE = 'Asia/Kolkata';

describe.runIf(targets.available && haveChromium)('the dashboard page in Chromium', () => {
  const redis = targets.available ? client() : undefined;
  let open: RunningServer;
  let guarded: RunningServer;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let series: Awaited<ReturnType<typeof storedSeries>>;
  beforeAll(async () => {
    series = await storedSeries(redis!);
    open = await serve(createApp({ series }), { port: 0, log: null });
    guarded = await serve(createApp({ series, token: 'right' }), { port: 0, log: null });
    browser = await openBrowser(ZONE);
  });
  afterAll(async () => {
    await browser?.close();
    await open?.close();
    await guarded?.close();
    redis?.disconnect();
  });

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  const chartData = (page: Page) =>
    page.evaluate(() => (window as unknown as ChartWindow).kairosChart?.data ?? null);

  it('charts the stored points of a picked series, without console errors', async () => {
    const { page, errors } = await newPage();
    await page.goto(open.url);
    await page.waitForFunction(() => (window as unknown as ChartWindow).kairosChart !== undefined);
    // The first key and its first name: counts of `a`, per minute.
    expect(await page.inputValue('#key')).toBe('requests');
    await page.waitForFunction(
      () => (window as unknown as ChartWindow).kairosChart?.data[0]?.length === 3,
    );
    expect(await chartData(page)).toEqual([
      [T0, T0 + 60, T0 + 120],
      [1, 2, 3],
    ]);

    // Pick the other series: its mean per minute.
    await page.selectOption('#key', 'latency');
    await page.waitForFunction(
      () => (window as unknown as ChartWindow).kairosChart?.data[1]?.[0] === 20,
    );
    expect(await chartData(page)).toEqual([
      [T0, T0 + 60],
      [20, 20],
    ]);
    expect(new URL(page.url()).searchParams.get('key')).toBe('latency');
    expect(await page.inputValue('#transform')).toBe('mean');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a line that is not blank, with hover values at times of the browser zone', async () => {
    const { page, errors } = await newPage();
    const from = T0 * 1000;
    await page.goto(
      `${open.url}?key=requests&names=a&interval=minute&range=custom&from=${from}&to=${from + 179_999}`,
    );
    await page.waitForFunction(
      () => (window as unknown as ChartWindow).kairosChart?.data[0]?.length === 3,
    );
    expect(await page.inputValue('#range')).toBe('custom');
    const shot = await page.locator('#chart canvas').screenshot();
    // A 1.5 px line across ~900 px of plot; the legend (outside the canvas) is not counted.
    expect(await inkedPixels(browser.context, shot)).toBeGreaterThan(400);

    const over = (await page.locator('#chart .u-over').boundingBox())!;
    await page.mouse.move(over.x + over.width / 2, over.y + over.height / 2);
    const legend = await page.locator('#chart .u-legend').textContent();
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
    })
      .format(new Date((T0 + 60) * 1000))
      .replace(/\s?([AP]M)/, (_, half: string) => half.toLowerCase());
    expect(legend).toContain(local); // e.g. "3:31pm": the minute after T0 in Kolkata
    const values = await page.locator('#chart .u-legend .u-value').allInnerTexts();
    expect(values.at(-1)).toBe('2'); // the count at that minute
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the view in the URL: names, interval and transform come back on reload', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${open.url}?key=requests&names=a,b&interval=minute&transform=max&range=24h`);
    await page.waitForFunction(
      () => (window as unknown as ChartWindow).kairosChart?.data.length === 3,
    );
    const data = await chartData(page);
    const first = data![0]!.indexOf(T0);
    expect([data![1]![first], data![2]![first]]).toEqual([1, 10]);
    expect(await page.inputValue('#interval')).toBe('minute');
    expect(await page.locator('#names input:checked').count()).toBe(2);
    // The filter box hides the names it does not match.
    await page.fill('#filter', 'b');
    expect(await page.locator('#names li:visible').allTextContents()).toEqual([' b']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks for the token when the one in session storage is wrong, then charts', async () => {
    const { page } = await newPage();
    await page.addInitScript(() => sessionStorage.setItem('kairos-token', 'wrong'));
    await page.goto(guarded.url);
    await page.locator('#login[open]').waitFor();
    expect(await page.textContent('#login-reason')).toMatch(/wrong token/);
    await page.fill('#token', 'right');
    await page.click('#login button');
    await page.waitForFunction(
      () => (window as unknown as ChartWindow).kairosChart?.data[0]?.length === 3,
    );
    expect(await page.evaluate(() => sessionStorage.getItem('kairos-token'))).toBe('right');
    await page.close();
  });

  it('fits a phone-width screen', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    await phone.goto(open.url);
    await phone.waitForFunction(() => (window as unknown as ChartWindow).kairosChart !== undefined);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('refreshes every N seconds (refresh=N in the URL)', async () => {
    const { page, errors } = await newPage();
    const from = T0 * 1000;
    await page.goto(
      `${open.url}?key=requests&names=a&interval=minute&range=custom&from=${from}&to=${from + 239_999}&refresh=1`,
    );
    // Counts give every minute of the range: the fourth is empty until the insert.
    await page.waitForFunction(
      () => (window as unknown as ChartWindow).kairosChart?.data[1]?.[3] === 0,
    );
    await series.requests!.insert('a', 7, { timestamp: T0 + 180 });
    await page.waitForFunction(
      () => (window as unknown as ChartWindow).kairosChart?.data[1]?.[3] === 7,
      undefined,
      { timeout: 5000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
