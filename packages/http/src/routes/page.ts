import { Hono } from 'hono';
import { PAGE_FILES, pageFile } from '../assets';

/** The page may only load its own files; uPlot sets inline styles. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `GET /`: the dashboard page, and `GET /assets/app.js|app.css` (uPlot bundled in). */
export function pageRoutes(): Hono {
  const page = new Hono();
  const send = async (name: string) =>
    new Response(await pageFile(name), {
      headers: {
        'Content-Type': PAGE_FILES[name]!,
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  page.get('/', () => send('index.html'));
  page.get('/assets/:file', (c) => {
    const file = c.req.param('file');
    return file !== 'index.html' && Object.hasOwn(PAGE_FILES, file) ? send(file) : c.notFound();
  });
  return page;
}
