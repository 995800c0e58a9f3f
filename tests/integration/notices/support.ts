/** Shared pieces of the 公示 integration tests: a draft input and a way to prove a refusal wrote nothing. */
import type { Input } from '../../../typings/actions';
import type { TestEmulator } from '../support';

/** Shanghai wall time as an ISO instant, e.g. sh('2026-09-29 09:00'). */
export function sh(wall: string): string {
  const [date, time = '00:00'] = wall.split(' ');
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

/**
 * A 推优 list of 信息学院2024级2班团支部 (no demo notice belongs to it): drafted by its secretary 宋雨
 * (persona info_lb2_sec), naming 施洋, read by its members 袁梦 (info_league1) and 邹明 (info_league2).
 */
export function tuiyouDraft(overrides: Partial<Input<'notices.create'>> = {}): Input<'notices.create'> {
  return {
    unitId: 'u_info_lb2',
    kind: 'tuiyou',
    title: '信息学院2024级2班团支部推优名单公示',
    body: '经团支部大会无记名投票，推荐施洋同志作为入党积极分子人选。现予公示。',
    subjects: [{ personId: 'p_2024020205', name: '施洋' }],
    scopeUnitIds: ['u_info_lb2'],
    window: { start: '2026-09-28', length: 5, unit: 'workday' },
    ...overrides,
  };
}

/** Document counts of everything a notice action can write, to show that a refusal wrote nothing. */
export async function footprint(emu: TestEmulator): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of ['notices', 'objections', 'notice_archives', 'audit'])
    out[c] = await emu.server.db.collection(c).count();
  return out;
}
