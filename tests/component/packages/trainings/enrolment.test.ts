/** 报名名单 (packages/trainings/enrolment/index): seats, the waitlist in order, review, a trainee's record. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const ENROLMENT = 'packages/trainings/enrolment/index';
/** The federation's 骨干培训 as 郑雨桐 reviews it; the League committee's full 团课. */
const BACKBONE = worldView('trainings.enrolment.backbone');
const LEAGUE = worldView('trainings.enrolment.league');

describe('the enrolment list', () => {
  it('admits a sign-up under review and says where it landed', async () => {
    const input = worldInput('trainings.review.backbone');
    const p = await loadPage(ENROLMENT, {
      query: { programId: BACKBONE.programId },
      responses: { 'trainings.enrolment': ok(BACKBONE), 'trainings.review': worldReply('trainings.review.backbone') },
    });
    await p.tap(`#pending-${input.personId} .approve`);
    expect(p.callsOf('trainings.review')[0].input).toEqual(input);
    expect(p.toasts).toEqual(['已通过，报名成功']);
  });

  it('lists the waitlist in the order it promotes', async () => {
    const p = await loadPage(ENROLMENT, {
      query: { programId: LEAGUE.programId },
      responses: { 'trainings.enrolment': ok(LEAGUE) },
    });
    expect(p.text('#seats')).toContain(`剩余 0；候补 ${LEAGUE.waitlist.length} 人`);
    const text = p.text();
    expect(text.indexOf(LEAGUE.waitlist[0].name)).toBeLessThan(text.indexOf(LEAGUE.waitlist[1].name));
  });

  it('opens an enrolled trainee’s training record', async () => {
    const p = await loadPage(ENROLMENT, {
      query: { programId: BACKBONE.programId },
      responses: { 'trainings.enrolment': ok(BACKBONE) },
    });
    const who = BACKBONE.enrolled[0];
    await p.tap(`#enrolled-${who.personId}`);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/trainings/record/index?personId=${who.personId}` },
    ]);
  });
});
