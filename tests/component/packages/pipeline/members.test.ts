/**
 * 留党察看与出生日期 (packages/pipeline/members/index): the party committee finds a person of its scope and does what
 * the server says it may, fed by the demo world: 李红梅 (party_admin) finds 邓凯, a full member, records 留党察看 on
 * him and is refused a second (DISCIPLINE_IN_FORCE); she corrects 吕航's birth date, and is refused the same date.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const PAGE = 'packages/pipeline/members/index';
const MEMBER = worldView('pipeline.people.member');
const DISCIPLINED = worldView('pipeline.people.member_disciplined');
const APPLICANT = worldView('pipeline.people.applicant');

describe('留党察看', () => {
  it('finds a member by name, records 留党察看 with its date and reason, and shows it in force', async () => {
    const sent = worldInput('pipeline.recordDiscipline.impose');
    const p = await loadPage(PAGE, {
      responses: {
        'pipeline.people': [ok(MEMBER), ok(DISCIPLINED)],
        'pipeline.recordDiscipline': worldReply('pipeline.recordDiscipline.impose'),
      },
    });
    await p.trigger('#query-input', 'change', { value: worldInput('pipeline.people.member').query });
    await p.tap('#search-button');
    expect(p.callsOf('pipeline.people')[0].input).toEqual(worldInput('pipeline.people.member'));
    expect(p.text('#picked')).toContain('无留党察看记录');
    expect(p.exists('#open-restore')).toBe(false);
    await p.tap('#open-impose');
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.trigger('#reason-input', 'change', { value: sent.reason });
    await p.tap('#submit-button');
    await p.settle();
    expect(p.callsOf('pipeline.recordDiscipline')[0].input).toEqual(sent);
    expect(p.toasts).toContain('留党察看已记录');
    expect(p.text('#picked-discipline')).toContain('留党察看中');
    expect(p.exists('#open-impose')).toBe(false);
  });

  it('shows the server’s refusal of a second 留党察看', async () => {
    const sent = worldInput('pipeline.recordDiscipline.impose_again');
    const refusal = worldReply('pipeline.recordDiscipline.impose_again');
    if (refusal.ok) throw new Error('expected the recorded refusal');
    const p = await loadPage(PAGE, {
      responses: { 'pipeline.people': ok(MEMBER), 'pipeline.recordDiscipline': refusal },
    });
    await p.trigger('#query-input', 'change', { value: '邓凯' });
    await p.tap('#search-button');
    await p.tap('#open-impose');
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.trigger('#reason-input', 'change', { value: sent.reason });
    await p.tap('#submit-button');
    expect(p.text('#member-refusal')).toContain(refusal.error.message);
  });

  it('says when nobody of the committee’s scope has that name or number', async () => {
    const p = await loadPage(PAGE, { responses: { 'pipeline.people': worldReply('pipeline.people.other_college') } });
    await p.trigger('#query-input', 'change', { value: '邓凯' });
    await p.tap('#search-button');
    expect(p.text('#page-state')).toContain('没有此姓名或学号的人员');
  });
});

describe('出生日期更正', () => {
  it('corrects an applicant’s birth date with the reason; the same date is refused on the page', async () => {
    const same = worldReply('pipeline.correctBirthDate.unchanged');
    if (same.ok) throw new Error('expected the recorded refusal');
    const sent = worldInput('pipeline.correctBirthDate.applicant');
    const p = await loadPage(PAGE, {
      responses: {
        'pipeline.people': ok(APPLICANT),
        'pipeline.correctBirthDate': [same, worldReply('pipeline.correctBirthDate.applicant')],
      },
    });
    await p.trigger('#query-input', 'change', { value: worldInput('pipeline.people.applicant').query });
    await p.tap('#search-button');
    expect(p.text('#picked-birth')).toContain(APPLICANT[0].birthDate!);
    expect(p.exists('#open-impose')).toBe(false);
    await p.tap('#open-birthDate');
    const unchanged = worldInput('pipeline.correctBirthDate.unchanged');
    await p.trigger('#date-picker', 'confirm', { value: unchanged.birthDate });
    await p.trigger('#reason-input', 'change', { value: unchanged.reason });
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.correctBirthDate')[0].input).toEqual(unchanged);
    expect(p.text('#member-refusal')).toContain(same.error.message);
    await p.trigger('#date-picker', 'confirm', { value: sent.birthDate });
    await p.trigger('#reason-input', 'change', { value: sent.reason });
    await p.tap('#submit-button');
    await p.settle();
    expect(p.callsOf('pipeline.correctBirthDate')[1].input).toEqual(sent);
    expect(p.toasts).toContain('出生日期已更正');
  });
});
