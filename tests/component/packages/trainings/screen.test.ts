/** 现场签到码 (packages/trainings/screen/index): the rotating code drawn as a QR code, fetched again each slot. */
import path from 'node:path';
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { type DrawnCanvas, drawnCanvas } from '../../canvas';
import { type LoadedPage, loadPage, MP_ROOT, ok } from '../../harness';

const SCREEN = 'packages/trainings/screen/index';
/** The code 马骁's screen fetched for the members' session under way. */
const TOKEN = worldView('trainings.checkinToken.live');
const QUERY = worldInput('trainings.checkinToken.live');
/** The next slot's code: the same claims, the next slot, another signature (what the server sends 10 s later). */
const NEXT = (() => {
  const [prog, sess, purpose, slot] = TOKEN.token.split('.');
  return {
    ...TOKEN,
    token: `${prog}.${sess}.${purpose}.${Number(slot) + 1}.Zk9pXW2Lr0mB7qYt1sUvEaHnC4dGfIjK5oPxRy8Ne6w`,
  };
})();

// biome-ignore lint/suspicious/noExplicitAny: the simulator's global wx
const wxGlobal = () => (globalThis as any).wx;

/** The value the screen's t-qrcode holds. */
const qrValue = (p: LoadedPage): string => p.page.querySelector('#qrcode').instance.data.value;

/**
 * The modules drawn on the QR code's canvas, one string of 0/1 a row, read back from the filled rectangles: the
 * background first, then one square (1.05 modules wide, so neighbours leave no hairline) per dark module.
 */
function drawnModules(d: DrawnCanvas): string[] {
  const [bg, ...dark] = d.rects;
  const cell = dark[0].w / 1.05;
  const n = Math.round(bg.w / cell);
  const rows = Array.from({ length: n }, () => Array(n).fill('0'));
  for (const r of dark) rows[Math.round(r.y / cell)][Math.round(r.x / cell)] = '1';
  return rows.map((r) => r.join(''));
}

/** What TDesign's own encoder makes of `text` at level M: the matrix the canvas should show. */
function encoded(text: string): string[] {
  const { QrCode, QrSegment, Ecc } = require(
    path.join(MP_ROOT, 'miniprogram_npm/tdesign-miniprogram/common/shared/qrcode/qrcodegen'),
  );
  const modules: boolean[][] = QrCode.encodeSegments(QrSegment.makeSegments(text), Ecc.MEDIUM, 1).getModules();
  return modules.map((row) => row.map((m) => (m ? '1' : '0')).join(''));
}

describe('the code screen', () => {
  it('draws the current code as a QR code across the card, and redraws it when the code rotates', async () => {
    const p = await loadPage(SCREEN, { query: QUERY, responses: { 'trainings.checkinToken': [ok(TOKEN), ok(NEXT)] } });
    expect(qrValue(p)).toBe(TOKEN.token);
    expect(p.text()).not.toContain(TOKEN.token);
    expect(p.text()).not.toContain('尚未安装');
    const canvas = p.root.querySelector('wx-canvas');
    const first = drawnCanvas(canvas);
    if (!first) throw new Error('nothing was drawn on the canvas');
    // 311 px on a 375 px wide phone: the card's full inner width, drawn at the device's pixel ratio.
    const side = p.page.querySelector('#qrcode').instance.data.size;
    expect(side).toBeGreaterThanOrEqual(300);
    expect(first.width).toBe(side * wxGlobal().getWindowInfo().pixelRatio);
    const before = drawnModules(first);
    expect(before).toEqual(encoded(TOKEN.token));

    await p.instance.refresh();
    await p.settle();
    expect(qrValue(p)).toBe(NEXT.token);
    const after = drawnModules(drawnCanvas(canvas) as DrawnCanvas);
    expect(after).toEqual(encoded(NEXT.token));
    expect(after).not.toEqual(before);
  });

  it('keeps the screen on, shows the code and fetches the next one', async () => {
    const keep: boolean[] = [];
    const p = await loadPage(SCREEN, {
      query: QUERY,
      responses: { 'trainings.checkinToken': ok(TOKEN) },
      lifecycle: false,
    });
    wxGlobal().setKeepScreenOn = (o: { keepScreenOn: boolean }) => keep.push(o.keepScreenOn);
    p.instance.onLoad(QUERY);
    await p.settle();
    expect(keep).toEqual([true]);
    expect(qrValue(p)).toBe(TOKEN.token);
    expect(p.callsOf('trainings.checkinToken')[0].input).toEqual(QUERY);
    await p.instance.refresh();
    expect(p.callsOf('trainings.checkinToken')).toHaveLength(2);
    p.instance.onUnload();
    expect(keep).toEqual([true, false]);
    p.unload();
    expect(keep).toEqual([true, false]);
  });

  it('stops fetching codes when the page is closed, even before its next slot', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const p = await loadPage(SCREEN, {
        query: QUERY,
        responses: { 'trainings.checkinToken': ok(TOKEN) },
        lifecycle: false,
      });
      p.instance.onLoad(QUERY);
      await jest.advanceTimersByTimeAsync(10);
      expect(p.callsOf('trainings.checkinToken')).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(TOKEN.refreshInMs + 300);
      expect(p.callsOf('trainings.checkinToken')).toHaveLength(2);
      p.unload();
      await jest.advanceTimersByTimeAsync(30_000);
      expect(p.callsOf('trainings.checkinToken')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when the session is not live', async () => {
    const p = await loadPage(SCREEN, {
      query: worldInput('trainings.checkinToken.ended'),
      responses: { 'trainings.checkinToken': worldReply('trainings.checkinToken.ended') },
    });
    expect(p.text()).toContain('不在本场培训的签到时段内');
  });
});
