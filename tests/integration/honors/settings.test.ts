/** The school's title lists (C6): set by the committee of the line, never loosening a title's vote or 公示. */
import type { HonorView, TitleView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { footprint } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

async function refused(who: string, input: unknown, code: string) {
  const before = await footprint(emu);
  const settings = await emu.server.db.collection('settings').count();
  const res = await emu.as(who, 'honors.setTitles', input);
  expect(errorCode(res)).toBe(code);
  expect(await footprint(emu)).toEqual(before);
  expect(await emu.server.db.collection('settings').count()).toBe(settings);
}

describe('a school’s own title lists', () => {
  it('refuses dropping the 评优 vote of 优秀共产党员', async () => {
    await refused(
      'party_admin',
      {
        kind: 'party_committee',
        titles: [{ title: '优秀共产党员', recipients: ['person'], needsVote: false, needsPublicity: true }],
      },
      'RULE_OVERRIDE_LOOSER',
    );
  });

  it('refuses the party committee setting the federation’s list', async () => {
    await refused(
      'party_admin',
      {
        kind: 'federation',
        titles: [{ title: '优秀志愿者', recipients: ['person'], needsVote: false, needsPublicity: false }],
      },
      'OUT_OF_SCOPE',
    );
  });

  it('lets the League committee give the federation a new title, which the federation then awards', async () => {
    const list = expectOk(
      await emu.as<TitleView[]>('league_admin', 'honors.setTitles', {
        kind: 'federation',
        titles: [
          { title: '五星社团', recipients: ['association'], needsVote: false, needsPublicity: true },
          { title: '优秀志愿者', recipients: ['person'], needsVote: false, needsPublicity: false },
        ],
      }),
    );
    expect(list.map((t) => t.title)).toEqual(['五星社团', '优秀志愿者']);
    const titles = expectOk(await emu.as<TitleView[]>('fed_chair', 'honors.titles', { unitId: 'u_fed' }));
    expect(titles.map((t) => t.title)).toEqual(['五星社团', '优秀志愿者']);
    const h = expectOk(
      await emu.as<HonorView>('fed_chair', 'honors.award', {
        unitId: 'u_fed',
        title: '优秀志愿者',
        recipient: { kind: 'person', personId: 'p_2023010108' },
        term: '2026年度',
        citation: '志愿服务时长突出',
      }),
    );
    expect(h.title).toBe('优秀志愿者');
    const dropped = await emu.as('fed_chair', 'honors.award', {
      unitId: 'u_fed',
      title: '优秀社团',
      recipient: { kind: 'association', unitId: 'u_as_bball' },
      term: '2026年度',
      citation: '活动丰富',
    });
    expect(errorCode(dropped)).toBe('TITLE_NOT_ENTITLED');
  });
});
