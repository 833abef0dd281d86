import { createRequire } from 'node:module';
import { CHART_FONT } from './spec';

/**
 * Renders a Vega specification to SVG with vega's headless SVG renderer (no browser, no
 * canvas). Loaded only by `graph`: vega is the heaviest module of the command.
 */
export async function renderSvg(spec: object): Promise<string> {
  const vega = await import('vega');
  const view = new vega.View(vega.parse(spec as Parameters<typeof vega.parse>[0]), {
    renderer: 'none',
    logLevel: vega.Error,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterizes an SVG to PNG with resvg, using the bundled DejaVu Sans and no system font. */
export async function renderPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const fontFile = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'original' },
    font: {
      fontFiles: [fontFile],
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
  });
  return resvg.render().asPng();
}
