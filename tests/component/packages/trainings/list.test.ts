/** 培训 (packages/trainings/list/index): programs open to me, the ones I organise, my hours, my ratings, the scanner. */
import { worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage } from '../../harness';

const LIST = 'packages/trainings/list/index';
/** 彭悦 (a probationary member of the sport party branch) and the programs open to her. */
const OPEN = worldView('trainings.listOpen.student');
const LEAGUE = OPEN.items.find((p) => p.level === 'league_class')!;

// biome-ignore lint/suspicious/noExplicitAny: the simulator's global wx
const wxGlobal = () => (globalThis as any).wx;

const student = (extra = {}) =>
  loadPage(LIST, {
    responses: {
      'trainings.listOpen': worldReply('trainings.listOpen.student'),
      'me.get': worldReply('me.get.sport_prob2'),
      ...extra,
    },
  });

describe('培训', () => {
  it('lists the programs open to me with their seats, and opens one', async () => {
    const p = await student();
    expect(p.count('.program')).toBe(OPEN.items.length);
    expect(p.text(`#program-${LEAGUE.id}`)).toContain(`名额已满（${LEAGUE.capacity}人）`);
    expect(p.callsOf('trainings.listManaged')).toHaveLength(0);
    await p.tap(`#program-${LEAGUE.id}`);
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: `/packages/trainings/program/index?id=${LEAGUE.id}` }]);
  });

  it('shows an organiser the programs they run', async () => {
    const managed = worldView('trainings.listManaged.party_admin');
    const p = await loadPage(LIST, {
      responses: {
        'trainings.listOpen': worldReply('trainings.listOpen.party_admin'),
        'me.get': worldReply('trainings.me.party_admin'),
        'trainings.listManaged': worldReply('trainings.listManaged.party_admin'),
        'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.party_admin'),
      },
    });
    expect(p.text()).toContain('我组织的培训');
    expect(p.exists('#open-backbones')).toBe(false);
    for (const m of managed.items) expect(p.exists(`#managed-${m.id}`)).toBe(true);
  });

  it('opens my hours and my ratings as a trainer', async () => {
    const p = await student();
    await p.tap('#open-hours');
    await p.tap('#open-ratings');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: '/packages/trainings/hours/index' },
      { method: 'navigateTo', url: '/packages/trainings/ratings/index' },
    ]);
  });

  it('scans with the camera only and sends the code read', async () => {
    const token = worldView('trainings.checkinToken.live').token;
    const p = await student({ 'trainings.checkIn': worldReply('trainings.checkIn.live') });
    const asked: Record<string, unknown>[] = [];
    wxGlobal().scanCode = (o: { success: (r: { result: string }) => void } & Record<string, unknown>) => {
      asked.push(o);
      o.success({ result: ` ${token} ` });
    };
    await p.tap('#scan-button');
    expect(asked[0]).toMatchObject({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(p.callsOf('trainings.checkIn')[0].input).toEqual({ token });
    expect(p.toasts).toEqual(['签到成功']);
  });

  it('says a second scan changed nothing', async () => {
    const p = await student({ 'trainings.checkIn': worldReply('trainings.checkIn.live.again') });
    wxGlobal().scanCode = (o: { success: (r: { result: string }) => void }) => o.success({ result: 'x' });
    await p.tap('#scan-button');
    expect(p.toasts).toEqual(['您已签到（10:30）']);
  });

  it('says why a scan was refused', async () => {
    const p = await student({ 'trainings.checkIn': fail('CHECKIN_TOKEN_EXPIRED') });
    wxGlobal().scanCode = (o: { success: (r: { result: string }) => void }) => o.success({ result: 'x' });
    await p.tap('#scan-button');
    expect(p.toasts).toEqual(['签到码已过期，请重新扫描培训现场屏幕上的二维码']);
  });

  it('says a forged code is not a code', async () => {
    const refused = worldReply('trainings.checkIn.forged');
    const p = await student({ 'trainings.checkIn': refused });
    wxGlobal().scanCode = (o: { success: (r: { result: string }) => void }) => o.success({ result: 'x' });
    await p.tap('#scan-button');
    expect(refused.ok).toBe(false);
    expect(p.toasts).toEqual([refused.ok ? '' : refused.error.message]);
  });
});
