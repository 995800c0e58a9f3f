/**
 * Deadline reminders asked for at the moment the person acts (one consent, one message): the to-do page's offer and
 * the forms where a secretary or a contact records something on a case. WeChat shows its consent sheet only from a
 * user's tap, so `askReminder` is called first thing in a tap handler, before any await; each acceptance is recorded
 * on the server as one consent (pipeline.acceptReminder). A refusal, or a sheet WeChat does not show, changes
 * nothing: the to-do list stays the reminder.
 */
import { call } from '../services/api';
import { errorText, toast } from '../services/errors';
import { type RemindVM, toRemindVM } from '../services/pipeline/journey';

export type { RemindVM };

/** The template to ask for and the reminders the consents given so far allow; null when it cannot be read. */
export async function loadReminder(): Promise<RemindVM | null> {
  const res = await call('pipeline.reminderStatus', {});
  return res.ok ? toRemindVM(res.data) : null;
}

/**
 * Shows WeChat's consent sheet for the reminder template (call it synchronously in the tap handler) and records an
 * acceptance; `accepted` receives the new count. `quiet`: no toast of its own (a form that is saving shows its own).
 */
export function askReminder(
  remind: RemindVM | null,
  accepted?: (next: RemindVM) => void,
  options: { quiet?: boolean } = {},
): void {
  if (!remind || typeof wx.requestSubscribeMessage !== 'function') return;
  wx.requestSubscribeMessage({
    tmplIds: [remind.templateId],
    success: async (res: WechatMiniprogram.IAnyObject) => {
      if (res[remind.templateId] !== 'accept') return;
      const r = await call('pipeline.acceptReminder', { templateId: remind.templateId });
      if (!r.ok) {
        if (!options.quiet) toast(errorText(r.error));
        return;
      }
      accepted?.(toRemindVM(r.data));
      if (!options.quiet) toast('到期前将以微信消息提醒您一次');
    },
    fail: () => undefined,
  });
}
