/**
 * Keeps `npm run preview` from rotting: every page and state registered in scripts/preview/pages.ts is rendered
 * to standalone HTML here (the jsdom half of the pipeline; the Chromium screenshot stays outside CI), and the
 * HTML must show what the state is about.
 */
import { PAGES } from '../../scripts/preview/pages';
import { renderState } from '../../scripts/preview/render';

jest.setTimeout(60_000);

const cases = PAGES.flatMap((page) => page.states.map((state) => ({ id: `${page.name}--${state.name}`, page, state })));

describe('preview: every registered page state renders to meaningful HTML', () => {
  it('registers each page at most once and each state name once per page', () => {
    expect(new Set(PAGES.map((p) => p.name)).size).toBe(PAGES.length);
    for (const p of PAGES) expect(new Set(p.states.map((s) => s.name)).size).toBe(p.states.length);
    for (const c of cases) expect(c.id).toMatch(/^[a-z0-9-]+$/);
  });

  it.each(cases)('$id', async ({ page, state }) => {
    const r = await renderState({ page, state });

    for (const text of state.expect) expect(r.text).toContain(text);
    for (const text of state.absent ?? []) expect(r.text).not.toContain(text);
    // Data that did not arrive shows up as these words on screen.
    expect(r.text).not.toMatch(/undefined|NaN|null|\[object Object\]/);
    // The page called nothing the state did not answer, and logged no errors.
    expect(r.warnings.filter((w) => w.startsWith('no demo data') || w.startsWith('console.error'))).toEqual([]);

    // Icons: TDesign's remote font is gone, every icon used is a real TDesign icon and is drawn as a mask.
    expect(r.html).not.toMatch(/url\(\s*['"]?https?:/);
    expect(r.warnings.filter((w) => w.startsWith('icon '))).toEqual([]);
    for (const name of r.iconsUsed) expect(r.html).toContain(`.t-icon--t-icon-${name}{-webkit-mask:`);
    // rpx is resolved at 375 px wide.
    expect(r.html).not.toMatch(/\d+rpx/);
  });

  it('keeps `class` on TDesign components and draws placeholders of built-in inputs', async () => {
    const admin = PAGES.find((p) => p.name === 'admin-bindings')!;
    const list = await renderState({ page: admin, state: admin.states.find((s) => s.name === 'list')! });
    expect(list.html).toContain('main--reject-button');

    const binding = PAGES.find((p) => p.name === 'binding')!;
    const form = await renderState({ page: binding, state: binding.states.find((s) => s.name === 'empty-form')! });
    expect(form.html).toMatch(/<span class="pv-placeholder[^"]*"[^>]*>请输入真实姓名<\/span>/);
    // 32rpx of a page style becomes 16px.
    expect(form.html).toContain('--ly-gap: 16px');
  });

  it('shows what a 2d canvas was drawn with, sized by the component’s own `canvas` rule', async () => {
    const screen = PAGES.find((p) => p.name === 'trainings-screen')!;
    const live = await renderState({ page: screen, state: screen.states.find((s) => s.name === 'live')! });
    const img =
      /<wx-canvas[^>]*><img src="data:image\/svg\+xml;base64,([^"]+)" alt="" class="pv-canvas"><\/wx-canvas>/.exec(
        live.html,
      );
    expect(img).not.toBeNull();
    const svg = Buffer.from((img as RegExpExecArray)[1], 'base64').toString('utf8');
    // Drawn at pixel ratio 2 on the 311 px code: white background, then the dark modules.
    expect(svg).toContain('viewBox="0 0 622 622"');
    expect(svg).toMatch(/<path fill="#FFFFFF" d="M0 0h622v622h-622z"\/><path fill="#000000" d="M/);
    expect(live.html).toMatch(/(^|[}\s])wx-canvas\{width:100%;height:100%/);
  });
});
