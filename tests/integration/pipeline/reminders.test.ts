/**
 * Deadline reminders through the api and the scheduler: one accepted subscription is one consent and carries one
 * message; the reminder job sends each officer and contact with a consent one message per item and phase (due
 * soon, overdue) through the messenger port, which the emulator keeps in its outbox; someone without a consent gets
 * nothing and finds the item on the to-do list.
 */

import { demoOpenid } from '../../../emulator/demo/school';
import { addDays } from '../../../server/domain/time';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addStudent, at, BRANCH, COMMITTEE_MEMBER, SECRETARY } from './support';

let emu: TestEmulator;
let caseId: string;
let due: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  at(emu, '2026-10-08');
  const student = await addStudent(emu, '2023019901', { name: '温知夏' });
  const c = expectOk(
    await emu.call(student.who, 'pipeline.apply', {
      branchId: BRANCH,
      statement: '我志愿加入中国共产党，拥护党的纲领，遵守党的章程。',
      attachments: [],
    }),
  );
  caseId = c.caseId;
  due = c.next!.due!;
});
afterAll(() => emu.close());

const reminders = () =>
  emu.host.outbox
    .filter((r) => r.api === 'subscribeMessage.send')
    .map(
      (r) => r.payload as { touser: string; templateId: string; page: string; data: Record<string, { value: string }> },
    )
    .filter((p) => p.templateId === 'lingyan_pipeline_due');
const consents = () => emu.server.db.collection('pipeline_consents').count({});
const audits = () => emu.server.db.collection('audit').count({});

async function accept(who: string) {
  const { templateId } = expectOk(await emu.call(who, 'pipeline.reminderStatus', {}));
  return expectOk(await emu.call(who, 'pipeline.acceptReminder', { templateId }));
}

describe('发展党员事项到期提醒', () => {
  it('records one consent for each accepted subscription, and refuses a template that is not the school’s', async () => {
    at(emu, '2026-10-09');
    expect(expectOk(await emu.call(SECRETARY, 'pipeline.reminderStatus', {}))).toEqual({
      templateId: 'lingyan_pipeline_due',
      available: 0,
    });
    expect(await accept(SECRETARY)).toEqual({ templateId: 'lingyan_pipeline_due', available: 1 });

    const [before, auditBefore] = await Promise.all([consents(), audits()]);
    const res = await emu.call(SECRETARY, 'pipeline.acceptReminder', { templateId: 'someone_elses_template' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('BAD_INPUT');
    expect(await consents()).toBe(before);
    expect(await audits()).toBe(auditBefore);
  });

  it('sends nothing while the item is more than three days away', async () => {
    at(emu, addDays(due, -10), '08:00');
    await emu.host.fireTimers();
    expect(reminders()).toEqual([]);
  });

  it('tells the secretary, who consented, that the talk is due soon — once, however often the job runs', async () => {
    at(emu, addDays(due, -2), '08:00');
    await emu.host.fireTimers();
    await emu.host.fireTimers();
    const sent = reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      touser: demoOpenid(SECRETARY),
      page: `packages/pipeline/case/index?caseId=${caseId}`,
      data: {
        thing1: { value: '温知夏（体育学院学生党支部）' },
        thing2: { value: '递交申请后一个月内谈话' },
        date3: { value: due },
        thing4: { value: '即将到期，请按时办理' },
      },
    });
    expect(expectOk(await emu.call(SECRETARY, 'pipeline.reminderStatus', {})).available).toBe(0);
    expect(await emu.server.db.collection('audit').count({ action: 'pipeline.remind' })).toBe(1);
  });

  it('sends the committee member, who never consented, nothing: the to-do list is where the item shows', async () => {
    expect(reminders().filter((m) => m.touser === demoOpenid(COMMITTEE_MEMBER))).toEqual([]);
    const todo = expectOk(await emu.call(COMMITTEE_MEMBER, 'pipeline.todo', { days: 30 }));
    expect(todo.map((t) => t.caseId)).toContain(caseId);
  });

  it('waits for a new consent before telling the secretary the talk is overdue', async () => {
    at(emu, addDays(due, 1), '08:00');
    await emu.host.fireTimers();
    expect(reminders()).toHaveLength(1);

    await accept(SECRETARY);
    at(emu, addDays(due, 1), '09:00');
    await emu.host.fireTimers();
    const sent = reminders();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ touser: demoOpenid(SECRETARY), data: { thing4: { value: '已逾期，请尽快办理' } } });
    expect(expectOk(await emu.call(SECRETARY, 'pipeline.reminderStatus', {})).available).toBe(0);
  });
});
