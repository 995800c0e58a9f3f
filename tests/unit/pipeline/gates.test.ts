import { publicityWindow } from '../../../server/domain/notices';
import {
  activistForOneYear,
  activistRecommended,
  ageOn,
  applicantIsAdult,
  applicationAgeStands,
  applicationToHomeBranch,
  approvalWithinDeadline,
  branchVotePassed,
  candidateTrained,
  checklistOf,
  contactsAssigned,
  contactsMayCultivate,
  extensionPermitted,
  firstTalkWithinMonth,
  halfYearlyAssessments,
  higherCommitteeAgreed,
  introducersEligible,
  isOverdue,
  meetingWithinMonthOfPreExam,
  nextItem,
  politicalReviewConcluded,
  preExaminationPassed,
  probationHasEnded,
  publicityClosedClean,
  reapplicationForAge,
  recordDateAllowed,
  recordDeadline,
  stageAfter,
  standingFrom,
  stepInOrder,
  twoLevelPreExamPassed,
  youngLeagueMember,
} from '../../../server/domain/pipeline';
import { applicantFacts } from './facts';

const fails = (o: { pass: boolean }, rule: string) => expect(o).toMatchObject({ pass: false, rule });
const passes = (o: { pass: boolean }) => expect(o).toMatchObject({ pass: true });

describe('A1: the applicant is 18 on the day of the application', () => {
  it('passes on the 18th birthday and fails the day before', () => {
    passes(applicantIsAdult('2008-03-10', '2026-03-10', '2014'));
    fails(applicantIsAdult('2008-03-10', '2026-03-09', '2014'), 'A1');
  });
  it('says the birth date is missing when none is recorded', () => {
    expect(applicantIsAdult(null, '2026-03-10', '2014')).toMatchObject({
      pass: false,
      missing: expect.stringContaining('出生日期'),
    });
  });
  it('counts whole years', () => {
    expect(ageOn('2000-12-31', '2028-12-30')).toBe(27);
    expect(ageOn('2000-12-31', '2028-12-31')).toBe(28);
  });
});

describe('A1 again on a case: the application the case rests on, after a birth date is corrected', () => {
  it('passes when the corrected date makes the applicant 18 on the application day, fails a day later', () => {
    passes(applicationAgeStands('2008-09-07', '2026-09-07', 'activist', '2014'));
    expect(applicationAgeStands('2008-09-08', '2026-09-07', 'activist', '2014')).toMatchObject({
      pass: false,
      rule: 'A1',
      missing: expect.stringContaining('须年满十八周岁后由本人重新递交入党申请'),
    });
  });
  it('sends a probationary member’s case to the committee rather than to a new application', () => {
    expect(applicationAgeStands('2008-09-08', '2026-09-07', 'probationary_member', '2014')).toMatchObject({
      pass: false,
      missing: expect.stringContaining('请上级党委按规定处理'),
    });
  });
  it('does not judge again a case that holds no birth date (carried over from paper)', () => {
    passes(applicationAgeStands(null, '2026-09-07', 'activist', '2014'));
  });
  it('lets the person apply again only when the application fails A1 and the case is before probation', () => {
    const c = (birthDate: string, stage: 'activist' | 'probationary_member') => ({
      stage,
      appliedOn: '2026-09-07',
      subject: { birthDate },
      ruleVersion: '2014' as const,
    });
    expect(reapplicationForAge(c('2008-09-08', 'activist'))).toBe(true);
    expect(reapplicationForAge(c('2008-09-07', 'activist'))).toBe(false);
    expect(reapplicationForAge(c('2008-09-08', 'probationary_member'))).toBe(false);
  });
});

describe('A2 and D6: the application goes to the home party branch', () => {
  it('refuses a temporary branch under D6 and another branch under A2', () => {
    fails(applicationToHomeBranch({ kind: 'temp_party_branch', isHome: true }, '2014'), 'D6');
    fails(applicationToHomeBranch({ kind: 'party_branch', isHome: false }, '2014'), 'A2');
    passes(applicationToHomeBranch({ kind: 'party_branch', isHome: true }, '2014'));
  });
});

describe('A3: the talk within a month of the application', () => {
  it('a talk on the last day of the month passes clean, the next day passes with the organisation’s delay flagged (A3)', () => {
    expect(firstTalkWithinMonth('2026-03-15', '2026-04-15', '2014')).toEqual({ pass: true });
    expect(firstTalkWithinMonth('2026-03-15', '2026-04-16', '2014')).toMatchObject({
      pass: true,
      warning: expect.stringContaining('晚于申请后一个月（2026-04-15）'),
    });
  });
  it('clamps to the end of a shorter month: applied 31 January, a talk on 28 February is in time', () => {
    expect(firstTalkWithinMonth('2026-01-31', '2026-02-28', '2014')).toEqual({ pass: true });
    expect(firstTalkWithinMonth('2026-01-31', '2026-03-01', '2026.05').pass && 'warned').toBe('warned');
  });
  it('no talk is missing', () => fails(firstTalkWithinMonth('2026-01-31', null, '2014'), 'A3'));
});

describe('A4 and B1: members recommend, or the League recommends a young League member', () => {
  it('a League member under 28 needs a 推优 no older than two years', () => {
    fails(activistRecommended({ source: 'members', on: '2026-05-01' }, true, [], '2026-06-01', '2014'), 'B1');
    passes(activistRecommended(null, true, ['2024-06-02'], '2026-06-01', '2014'));
    fails(activistRecommended(null, true, ['2024-06-01'], '2026-06-01', '2014'), 'B1');
  });
  it('anyone else needs the members’ recommendation or a 推优', () => {
    fails(activistRecommended(null, false, [], '2026-06-01', '2014'), 'A4');
    passes(activistRecommended({ source: 'members', on: '2026-05-01' }, false, [], '2026-06-01', '2014'));
  });
  it('reads an unknown birth date strictly (as under 28)', () => {
    expect(youngLeagueMember(true, null, '2026-06-01')).toBe(true);
    expect(youngLeagueMember(true, '1990-01-01', '2026-06-01')).toBe(false);
    expect(youngLeagueMember(false, null, '2026-06-01')).toBe(false);
  });
});

describe('the branch votes (A4, A7, A14, A21, A20)', () => {
  const vote = {
    kind: 'acceptance' as const,
    unitId: 'b1',
    closed: true,
    counted: true,
    outcome: 'passed',
    meetingOn: '2026-06-01',
  };
  it('pass only when this branch closed a counted vote of the kind and the person passed', () => {
    passes(branchVotePassed('acceptance', vote, 'b1', '2014'));
    fails(branchVotePassed('acceptance', null, 'b1', '2014'), 'A14');
    fails(branchVotePassed('acceptance', { ...vote, outcome: 'failed' }, 'b1', '2014'), 'A14');
    fails(branchVotePassed('acceptance', { ...vote, unitId: 'tpb' }, 'b1', '2014'), 'A14');
    fails(branchVotePassed('conversion', vote, 'b1', '2014'), 'A21');
    fails(branchVotePassed('acceptance', { ...vote, closed: false }, 'b1', '2014'), 'A14');
    // A vote held before the previous step is not this step's decision.
    fails(branchVotePassed('acceptance', vote, 'b1', '2014', '2026-06-02'), 'A14');
    passes(branchVotePassed('acceptance', vote, 'b1', '2014', '2026-06-01'));
  });
});

describe('A5, A6, A7: contacts, half-yearly assessments, a year as activist', () => {
  it('one or two contacts', () => {
    fails(contactsAssigned(0, '2014'), 'A5');
    passes(contactsAssigned(2, '2014'));
    fails(contactsAssigned(3, '2014'), 'A5');
  });
  it('names one or two formal members, never a probationary member, the activist, or one person twice', () => {
    const full = (id: string) => ({ id, name: id, status: 'full_member' as const });
    passes(contactsMayCultivate('a', [full('x')], '2014'));
    passes(contactsMayCultivate('a', [full('x'), full('y')], '2026.05'));
    fails(contactsMayCultivate('a', [], '2014'), 'A5');
    fails(contactsMayCultivate('a', [full('x'), full('y'), full('z')], '2014'), 'A5');
    fails(contactsMayCultivate('a', [{ id: 'x', name: '冯晨', status: 'probationary_member' }], '2014'), 'A5');
    fails(contactsMayCultivate('a', [full('a')], '2014'), 'A5');
    fails(contactsMayCultivate('a', [full('x'), full('x')], '2014'), 'A5');
  });
  it('each full half year holds an assessment', () => {
    passes(halfYearlyAssessments('2025-03-01', ['2025-08-20', '2026-02-20'], '2026-03-01', '2014'));
    fails(halfYearlyAssessments('2025-03-01', ['2025-08-20'], '2026-03-01', '2014'), 'A6');
    // A half year not yet over needs nothing.
    passes(halfYearlyAssessments('2025-03-01', ['2025-08-20'], '2026-02-28', '2014'));
  });
  it('a missed half year is caught up by an assessment made later, with a warning', () => {
    expect(halfYearlyAssessments('2025-03-01', ['2025-08-20', '2026-03-01'], '2026-03-01', '2014')).toMatchObject({
      pass: true,
      warning: expect.stringContaining('2025-09-01 至 2026-03-01'),
    });
  });
  it('a day short of a year is not a year', () => {
    fails(activistForOneYear('2025-03-01', '2026-02-28', '2014'), 'A7');
    passes(activistForOneYear('2025-03-01', '2026-03-01', '2014'));
  });
  it('the higher committee agrees only under 2026.05', () => {
    passes(higherCommitteeAgreed(null, '2014'));
    fails(higherCommitteeAgreed(null, '2026.05'), 'A7');
    passes(higherCommitteeAgreed('校党委组〔2026〕5号', '2026.05'));
  });
});

describe('A8: two formal members introduce, none probationary or under 留党察看', () => {
  const full = { name: '甲', status: 'full_member', underDiscipline: false };
  it('refuses one introducer, a probationary member and one under discipline', () => {
    passes(introducersEligible([full, { ...full, name: '乙' }], '2014'));
    fails(introducersEligible([full], '2014'), 'A8');
    fails(introducersEligible([full, { ...full, status: 'probationary_member' }], '2014'), 'A8');
    fails(introducersEligible([full, { ...full, underDiscipline: true }], '2014'), 'A8');
  });
});

describe('A9, A10, A11, A12: review, training, pre-examination, the meeting within a month', () => {
  it('the review must conclude 合格', () => {
    fails(politicalReviewConcluded(null, '2014'), 'A9');
    fails(politicalReviewConcluded('unqualified', '2014'), 'A9');
    passes(politicalReviewConcluded('qualified', '2014'));
  });
  it('23 学时 in 2 days is short, 24 学时 or 3 days is enough, a confirmed special case passes', () => {
    fails(candidateTrained(23, 2, '2014'), 'A10');
    passes(candidateTrained(24, 2, '2014'));
    passes(candidateTrained(12, 3, '2014'));
    expect(candidateTrained(23, 2, '2014', true)).toMatchObject({ pass: true, overridden: true });
  });
  it('the 志愿书 is issued after the pre-examination', () => {
    fails(preExaminationPassed(null, null, '2014'), 'A11');
    fails(preExaminationPassed('2026-05-10', '2026-05-09', '2014'), 'A11');
    passes(preExaminationPassed('2026-05-10', '2026-05-10', '2014'));
  });
  it('the committee concludes 预审 only after the college and then the school passed it in writing (S7)', () => {
    fails(twoLevelPreExamPassed({}, '2014'), 'S7');
    expect(twoLevelPreExamPassed({ college: { conclusion: 'passed' } }, '2014')).toMatchObject({
      pass: false,
      rule: 'S7',
      missing: '尚无学校党委组织部预审的书面意见',
    });
    expect(
      twoLevelPreExamPassed({ college: { conclusion: 'passed' }, school: { conclusion: 'returned' } }, '2026.05'),
    ).toMatchObject({ pass: false, missing: expect.stringContaining('退回补充') });
    passes(twoLevelPreExamPassed({ college: { conclusion: 'passed' }, school: { conclusion: 'passed' } }, '2014'));
  });
  it('a meeting past a month after 预审 is an error under 2026.05 and a warning under 2014', () => {
    passes(meetingWithinMonthOfPreExam('2026-05-10', '2026-06-10', '2026.05'));
    fails(meetingWithinMonthOfPreExam('2026-05-10', '2026-06-11', '2026.05'), 'A12');
    expect(meetingWithinMonthOfPreExam('2026-05-10', '2026-06-11', '2014')).toMatchObject({
      pass: true,
      warning: expect.stringContaining('2026-06-10'),
    });
  });
});

describe('E2 with A7: the 公示 the version requires', () => {
  const window = publicityWindow({ start: '2026-09-14', length: 5, unit: 'workday', counting: 'inclusive' });
  const notice = {
    kind: 'development_candidate' as const,
    unitId: 'b1',
    subjects: ['p1'],
    withdrawn: false,
    window,
    raisesNoBar: true,
  };
  it('2026.05 needs it for 发展对象; 2014 does not', () => {
    fails(publicityClosedClean('development_candidate', null, 'p1', 'b1', '2026-09-21', '2026.05'), 'A7');
    passes(publicityClosedClean('development_candidate', null, 'p1', 'b1', '2026-09-21', '2014'));
  });
  it('a 公示 ending the day before the step passes; on the day of the step it has not finished', () => {
    expect(window.end).toBe('2026-09-18');
    passes(publicityClosedClean('development_candidate', notice, 'p1', 'b1', '2026-09-19', '2026.05'));
    fails(publicityClosedClean('development_candidate', notice, 'p1', 'b1', '2026-09-18', '2026.05'), 'A7');
  });
  it('an upheld or pending objection bars the step; a notice about someone else does not count', () => {
    fails(
      publicityClosedClean(
        'development_candidate',
        { ...notice, raisesNoBar: false },
        'p1',
        'b1',
        '2026-09-21',
        '2026.05',
      ),
      'A7',
    );
    fails(publicityClosedClean('development_candidate', notice, 'p2', 'b1', '2026-09-21', '2026.05'), 'A7');
  });
});

describe('A17, A19, A20, A22: approval, probation, extension, standing', () => {
  it('approval within three months; A17 allows a confirmed special case to six, never more; a late A22 is overdue', () => {
    passes(approvalWithinDeadline('2026-06-01', '2026-09-01', 'A17', '2014'));
    fails(approvalWithinDeadline('2026-06-01', '2026-09-02', 'A17', '2014'), 'A17');
    passes(approvalWithinDeadline('2026-06-01', '2026-11-01', 'A17', '2014', true));
    fails(approvalWithinDeadline('2026-06-01', '2026-12-02', 'A17', '2014', true), 'A17');
    expect(approvalWithinDeadline('2026-06-01', '2026-09-02', 'A22', '2014')).toMatchObject({
      pass: true,
      warning: expect.stringContaining('2026-09-01'),
    });
  });
  it('probation runs a year from the meeting, plus any extension', () => {
    fails(probationHasEnded('2025-06-01', null, '2026-05-31', '2014'), 'A19');
    passes(probationHasEnded('2025-06-01', null, '2026-06-01', '2014'));
    fails(probationHasEnded('2025-06-01', 6, '2026-11-30', '2014'), 'A19');
  });
  it('extends once, by six to twelve months', () => {
    passes(extensionPermitted(0, 6, '2014'));
    fails(extensionPermitted(0, 5, '2014'), 'A20');
    fails(extensionPermitted(0, 13, '2014'), 'A20');
    fails(extensionPermitted(1, 6, '2014'), 'A20');
  });
  it('standing counts from the end of probation, not from the meeting or the approval', () => {
    expect(standingFrom('2025-06-01', null)).toBe('2026-06-01');
    expect(standingFrom('2025-06-01', 6)).toBe('2026-12-01');
  });
});

const facts = applicantFacts;

describe('the state machine (A24) and the next item', () => {
  it('steps are taken in order', () => {
    expect(stepInOrder('determine_activist', facts())).toBe(true);
    expect(stepInOrder('determine_candidate', facts())).toBe(false);
    expect(stepInOrder('branch_accept', facts({ stage: 'development_candidate' }))).toBe(false);
    expect(stepInOrder('branch_accept', facts({ stage: 'development_candidate', preExamOn: '2026-05-01' }))).toBe(true);
    expect(
      stepInOrder(
        'approve_acceptance',
        facts({
          stage: 'development_candidate',
          preExamOn: '2026-05-01',
          awaiting: { step: 'approve_acceptance', meetingOn: '2026-05-20' },
        }),
      ),
    ).toBe(true);
  });
  it('a probationary member may be cancelled (A20), and a cancelled case waits for nothing', () => {
    const f = facts({ stage: 'probationary_member', acceptedOn: '2026-06-01' });
    expect(stepInOrder('cancel', f)).toBe(true);
    expect(stageAfter('cancel', f.stage)).toBe('probationary_member');
    expect(stageAfter('approve_cancellation', f.stage)).toBe('cancelled');
    expect(nextItem({ ...f, stage: 'cancelled' })).toBeNull();
    expect(nextItem(f)).toMatchObject({ kind: 'oath', due: '2027-06-01', notBefore: null });
    const sworn = { ...f, oathOn: '2026-06-20' };
    expect(nextItem(sworn)).toMatchObject({ kind: 'branch_convert', due: '2027-06-01', notBefore: '2027-06-01' });
    expect(nextItem({ ...sworn, extensionMonths: 6 })).toMatchObject({ due: '2027-12-01' });
  });
  it('an applicant without the talk waits for it a month after applying, and is overdue after', () => {
    const item = nextItem(facts());
    expect(item).toEqual({ kind: 'application_talk', due: '2026-02-10', notBefore: null });
    expect(isOverdue(item, '2026-02-10')).toBe(false);
    expect(isOverdue(item, '2026-02-11')).toBe(true);
  });
  it('an activist waits for the half-yearly assessments, then the 发展对象 step a year on', () => {
    const f = facts({ stage: 'activist', activistSince: '2026-03-01' });
    expect(nextItem(f)).toMatchObject({ kind: 'assessment', due: '2026-09-01' });
    expect(nextItem({ ...f, assessedOn: ['2026-08-01', '2027-02-01'] })).toMatchObject({
      kind: 'determine_candidate',
      notBefore: '2027-03-01',
    });
  });
  it('the checklist of the 发展对象 step names every gate, external evidence checked at the step', () => {
    const list = checklistOf('determine_candidate', facts({ stage: 'activist', activistSince: '2025-01-01' }), {
      today: '2026-03-01',
      meetingOn: '2026-03-01',
      birthDate: null,
      leagueMember: false,
    });
    expect(list.map((g) => g.rule)).toEqual(['A1', 'A7', 'A5', 'A6', 'A25', 'B1', 'A4', 'A7', 'A7', 'A7']);
    expect(list.filter((g) => g.outcome === 'at_step').length).toBe(4);
  });
  it('checks A1 first on every step but the cancellation of a probationary membership, which never rests on it', () => {
    const probationer = facts({ stage: 'probationary_member', appliedOn: '2024-09-01', acceptedOn: '2025-09-01' });
    const ev = { today: '2026-09-02', meetingOn: '2026-09-02', birthDate: '2006-10-01', leagueMember: false };
    const convert = checklistOf('branch_convert', probationer, ev);
    expect(convert[0]).toMatchObject({
      rule: 'A1',
      outcome: { pass: false, missing: expect.stringContaining('按规定处理') },
    });
    expect(checklistOf('cancel', probationer, ev).map((g) => g.rule)).not.toContain('A1');
  });
});

describe('P-dates: records are entered as they happen', () => {
  it('refuses a record dated into a deadline that had passed when it is entered', () => {
    expect(recordDateAllowed('2026-02-10', '2026-02-11', '2026-02-04', '2026-02-10')).toBe('backdated');
    expect(recordDateAllowed('2026-02-10', '2026-02-10', '2026-02-03', '2026-02-10')).toBe('ok');
    expect(recordDeadline('application_talk', facts({ appliedOn: '2026-01-31' }), '2026-02-20')).toBe('2026-02-28');
    expect(recordDeadline('assessment', facts({ activistSince: '2026-03-01' }), '2026-08-31')).toBe('2026-08-31');
    expect(recordDeadline('assessment', facts({ activistSince: '2026-03-01' }), '2026-09-01')).toBe('2027-02-28');
  });
  it('refuses a future date and one older than the grace', () => {
    expect(recordDateAllowed('2026-03-02', '2026-03-01', '2026-02-22')).toBe('future');
    expect(recordDateAllowed('2026-02-21', '2026-03-01', '2026-02-22')).toBe('backdated');
    expect(recordDateAllowed('2026-02-22', '2026-03-01', '2026-02-22')).toBe('ok');
  });
});
