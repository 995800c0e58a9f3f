/**
 * Deadline reminders of the development pipeline: each tick, the open cases whose next item is due within a few days
 * or overdue are found, and each officer of the home branch and each cultivation contact who has an unspent consent
 * gets one subscribe message per item and phase (due soon, overdue), through the messenger port. The reminder and the
 * spent consent are recorded in one transaction before the message goes out, so a repeated tick sends nothing twice;
 * someone without a consent gets no message and finds the item on their to-do list (pipeline.todo).
 */
import type { Person } from '../../typings/domain';
import { PIPELINE_TODO_LABELS } from '../../typings/vocabulary';
import { isBranchOfficer } from '../actions/pipeline/access';
import { CASES, type CaseDoc } from '../actions/pipeline/docs';
import {
  CONSENTS,
  type ConsentDoc,
  REMINDERS,
  type ReminderDoc,
  reminderTemplateId,
} from '../actions/pipeline/reminders';
import { PEOPLE } from '../actor';
import { REMINDER_SOON_DAYS, type ReminderPhase, reminderId, reminderPhase } from '../domain/pipeline/reminders';
import { addDays, shanghaiDate, shanghaiIso } from '../domain/time';
import type { Store } from '../store';
import type { Job } from './job';

/** Cases looked at per tick (in due order); the rest wait for the next tick. */
const CASES_PER_TICK = 500;
/** How long after its due day an overdue item is still reminded of (a consent given late still carries one). */
const OVERDUE_LOOKBACK_DAYS = 30;

interface Due {
  reminderId: string;
  person: Person;
  c: CaseDoc;
  phase: ReminderPhase;
}

/** Template "thing" values take at most 20 characters. */
function clip(text: string, max = 20): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function dueMessage(c: CaseDoc, phase: ReminderPhase, openid: string) {
  const kind = c.nextKind ?? 'assessment';
  return {
    touser: openid,
    templateId: reminderTemplateId(),
    page: `packages/pipeline/case/index?caseId=${c._id}`,
    data: {
      thing1: { value: clip(`${c.personName}（${c.branchName}）`) },
      thing2: { value: clip(PIPELINE_TODO_LABELS[kind]) },
      date3: { value: c.nextDue },
      thing4: { value: phase === 'overdue' ? '已逾期，请尽快办理' : '即将到期，请按时办理' },
    },
  };
}

/** Who answers for the case's next item: the home branch's officers today and its cultivation contacts. */
async function recipients(store: Store, cases: readonly CaseDoc[], today: string): Promise<Map<string, Person[]>> {
  const _ = store.command;
  const branchIds = [...new Set(cases.map((c) => c.branchId))];
  const contactIds = [...new Set(cases.flatMap((c) => c.contacts.map((x) => x.id)))];
  const [officers, contacts] = await Promise.all([
    branchIds.length
      ? store.find<Person>(PEOPLE, { 'positions.unitId': _.in(branchIds) }, { limit: 1000 })
      : Promise.resolve([]),
    store.byIds<Person>(PEOPLE, contactIds),
  ]);
  const out = new Map<string, Person[]>();
  for (const c of cases) {
    const people = new Map<string, Person>();
    for (const p of officers) if (isBranchOfficer(p, c.branchId, today)) people.set(p._id, p);
    for (const x of c.contacts) {
      const p = contacts.get(x.id);
      if (p) people.set(p._id, p);
    }
    out.set(c._id, [...people.values()]);
  }
  return out;
}

export const pipelineRemindersJob: Job = {
  name: 'pipeline.reminders',
  async run({ store, ports, now }) {
    const today = shanghaiDate(now);
    const at = shanghaiIso(now);
    const _ = store.command;
    // Items overdue for longer than the look-back were reminded of when they fell due (or sit on the to-do list):
    // they do not crowd newer items out of a tick.
    const cases = await store.find<CaseDoc>(
      CASES,
      _.and([
        { nextDue: _.gte(addDays(today, -OVERDUE_LOOKBACK_DAYS)) },
        { nextDue: _.lte(addDays(today, REMINDER_SOON_DAYS)) },
      ]),
      {
        orderBy: [
          ['nextDue', 'asc'],
          ['_id', 'asc'],
        ],
        limit: CASES_PER_TICK,
      },
    );
    if (!cases.length) return { cases: 0, due: 0, sent: 0, withoutConsent: 0 };
    const who = await recipients(store, cases, today);
    const due: Due[] = [];
    for (const c of cases) {
      const phase = reminderPhase(c.nextDue, today);
      if (!phase || !c.nextKind) continue;
      for (const person of who.get(c._id) ?? []) {
        due.push({ reminderId: reminderId(person._id, c._id, c.nextKind, c.nextDue, phase), person, c, phase });
      }
    }
    const sentBefore = await store.byIds<ReminderDoc>(
      REMINDERS,
      due.map((d) => d.reminderId),
    );
    const open = due.filter((d) => !sentBefore.has(d.reminderId));
    const personIds = [...new Set(open.map((d) => d.person._id))];
    const consents = personIds.length
      ? await store.find<ConsentDoc>(CONSENTS, { personId: _.in(personIds), usedAt: null }, { limit: 1000 })
      : [];
    const pool = new Map<string, ConsentDoc[]>();
    for (const k of consents) pool.set(k.personId, [...(pool.get(k.personId) ?? []), k]);

    let sent = 0;
    let withoutConsent = 0;
    let failed = 0;
    for (const d of open) {
      const openid = d.person.openid;
      const consent = pool.get(d.person._id)?.shift();
      if (!openid || !consent) {
        withoutConsent++;
        continue;
      }
      // One consent, one message: spent and recorded together, then sent.
      const recorded = await store.write({ actorId: null, at }, async (tx) => {
        if (await tx.get<ReminderDoc>(REMINDERS, d.reminderId)) return false;
        const k = await tx.get<ConsentDoc>(CONSENTS, consent._id);
        if (!k || k.usedAt !== null) return false;
        const reminder: ReminderDoc = {
          _id: d.reminderId,
          personId: d.person._id,
          caseId: d.c._id,
          kind: d.c.nextKind ?? '',
          due: d.c.nextDue,
          phase: d.phase,
          consentId: k._id,
          sentAt: at,
        };
        await tx.insert(REMINDERS, reminder);
        await tx.put<ConsentDoc>(CONSENTS, { ...k, usedAt: at, usedFor: d.reminderId });
        tx.audit('pipeline.remind', `${REMINDERS}/${d.reminderId}`, null, reminder);
        return true;
      });
      if (!recorded) continue;
      try {
        await ports.messenger.sendSubscribe(dueMessage(d.c, d.phase, openid));
        sent++;
      } catch (err) {
        failed++;
        console.error(`[lingyan] pipeline reminder ${d.reminderId} not sent`, err);
      }
    }
    return { cases: cases.length, due: due.length, sent, withoutConsent, failed };
  },
};
