/**
 * Makes docs/dashboard.png, the README's picture of the page: a day of made-up traffic on the
 * in-memory mock, served by createApp and shot in headless Chromium. Run after `pnpm build`:
 * `pnpm --filter @kairos/http screenshot`.
 */
import { fileURLToPath } from 'node:url';
import { Timeseries } from '@kairos/core';
import { mockDriver } from '@kairos/testing';
import { createApp, serve } from '../src/index';
import { openBrowser } from './chromium';

const OUT = fileURLToPath(new URL('../../../docs/dashboard.png', import.meta.url));
const DAY = 86_400;

const driver = mockDriver();
const requests = new Timeseries(driver, {
  type: 'count',
  prefix: 'requests',
  intervals: {
    minute: { step: 60, steps: 1440 },
    hour: { step: '1h', resolution: 600, steps: 48 },
  },
});
const now = Math.floor(Date.now() / 1000);
const traffic = (name: string, base: number, t: number) =>
  Math.round(
    base * (1.2 + Math.sin(((t % DAY) / DAY) * 2 * Math.PI)) + ((t / 60 + name.length * 7) % 11),
  );
await requests.bulkInsert(
  Array.from({ length: 1440 }, (_, m) => {
    const t = now - DAY + m * 60;
    return [
      t,
      {
        api: [traffic('api', 40, t)],
        web: [traffic('web', 25, t + 7200)],
        worker: [traffic('worker', 10, t)],
      },
    ];
  }),
);

const server = await serve(createApp({ series: { requests } }), { port: 0, log: null });
const browser = await openBrowser('UTC', { width: 1100, height: 560 });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}?key=requests&names=api,web,worker&interval=hour&range=24h`);
  await page.waitForFunction(() => 'kairosChart' in window);
  await page.locator('#status').filter({ hasText: 'points' }).waitFor();
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.close();
  await driver.close();
}
