/**
 * Deadline reminders as subscribe messages. WeChat lets a mini-program send one subscribe message for each time the
 * user accepts the template (wx.requestSubscribeMessage, asked for at the moment the user acts): so each acceptance
 * is recorded as one consent, and the scheduler's reminder job spends one consent on one message. Without a consent
 * nothing is sent and the to-do list (pipeline.todo) is where the item shows.
 *
 *   pipeline_consents/psc_…      one accepted subscription of the reminder template: who, when, and once spent, the
 *                                reminder it carried (`usedFor`). Inserted by the person, spent by the job.
 *   pipeline_reminders/prm_…     one reminder sent: person, case, item, due day and phase (soon / overdue); its id
 *                                is derived, so a repeated tick never sends it twice.
 */
import type { ReminderStatusView } from '../../../typings/actions/pipeline';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { newId, type Store } from '../../store';

export const CONSENTS = 'pipeline_consents';
export const REMINDERS = 'pipeline_reminders';

/** The school's subscribe message template "发展党员事项提醒" (thing1 name, thing2 item, date3 due day, thing4 remark). */
export function reminderTemplateId(): string {
  return process.env.LINGYAN_TEMPLATE_PIPELINE_DUE ?? 'lingyan_pipeline_due';
}

export interface ConsentDoc {
  _id: string;
  personId: string;
  templateId: string;
  at: string;
  usedAt: string | null;
  usedFor: string | null;
}

export interface ReminderDoc {
  _id: string;
  personId: string;
  caseId: string;
  kind: string;
  due: string;
  phase: 'soon' | 'overdue';
  consentId: string;
  sentAt: string;
}

/** At most this many unspent consents are kept per person (WeChat's own limit is per acceptance). */
const CONSENTS_KEPT = 20;

async function unspent(store: Store, personId: string): Promise<number> {
  const rows = await store.find<ConsentDoc>(CONSENTS, { personId, usedAt: null }, { limit: CONSENTS_KEPT });
  return rows.length;
}

export const pipelineReminderStatus = defineAction({
  name: 'pipeline.reminderStatus',
  summary: '到期提醒：订阅消息模板编号，以及本人尚未用掉的订阅次数（每同意一次可收到一条提醒）',
  access: { kind: 'member' },
  errors: [],
  async run({ actor, store }) {
    const me = actor.requirePerson();
    const view: ReminderStatusView = { templateId: reminderTemplateId(), available: await unspent(store, me._id) };
    return view;
  },
});

export const pipelineAcceptReminder = defineAction({
  name: 'pipeline.acceptReminder',
  summary: '记录一次对到期提醒订阅消息的同意（一次同意，一条消息）；未同意时以待办列表为准',
  access: { kind: 'member' },
  errors: ['BAD_INPUT'],
  async run({ actor, store, nowIso, write }, input) {
    const me = actor.requirePerson();
    const templateId = reminderTemplateId();
    if (input.templateId !== templateId)
      throw new DomainError('BAD_INPUT', undefined, { templateId: '订阅消息模板不符' });
    const held = await unspent(store, me._id);
    // More consents than the job could ever spend are not kept: the count stays honest.
    if (held < CONSENTS_KEPT) {
      await write(async (tx) => {
        const doc: ConsentDoc = {
          _id: newId('psc'),
          personId: me._id,
          templateId,
          at: nowIso,
          usedAt: null,
          usedFor: null,
        };
        await tx.create('pipeline.acceptReminder', CONSENTS, doc);
      });
    }
    return { templateId, available: Math.min(held + 1, CONSENTS_KEPT) };
  },
});
