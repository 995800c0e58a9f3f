/** Ideological reports (思想汇报): written by the activist in the mini-program, reviewed and marked by a contact. */
import { defineAction } from '../../action';
import { semesterOf } from '../../domain/activists';
import { DomainError } from '../../domain/errors';
import { newId } from '../../store';
import { assertPostable } from '../content';
import { isContact } from './access';
import { FILES, type FileDoc, fileId, REPORTS, type ReportDoc } from './docs';
import { requireOpenFile, requireReport } from './load';
import { reportView } from './views';

export const activistsSubmitReport = defineAction({
  name: 'activists.submitReport',
  summary: '提交思想汇报（仅已建立档案的入党积极分子本人；内容经安全检测），由培养联系人审阅',
  access: { kind: 'member' },
  errors: ['NOT_AN_ACTIVIST', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, nowIso, today, write }, { title, text }) {
    const me = actor.requirePerson();
    const file = await store.get<FileDoc>(FILES, fileId(me._id));
    if (!file) throw new DomainError('NOT_AN_ACTIVIST');
    const verdict = await assertPostable(ports, actor.openid, `${title}\n${text}`);
    const doc: ReportDoc = {
      _id: newId('arp'),
      personId: me._id,
      branchId: file.branchId,
      branchScope: file.branchScope,
      term: semesterOf(today),
      title,
      text,
      textNeedsReview: verdict === 'review',
      submittedAt: nowIso,
      submittedOn: today,
      review: null,
    };
    await write((tx) => tx.create('activists.submitReport', REPORTS, doc));
    // The activist is never their own contact (A5): nobody reviews a report as its author.
    return reportView(doc, me._id, []);
  },
});

export const activistsReviewReport = defineAction({
  name: 'activists.reviewReport',
  summary: '培养联系人审阅思想汇报：质量评定（优、良、中、差）和评语（评语经安全检测），每份只审阅一次',
  access: { kind: 'member' },
  errors: ['REPORT_NOT_FOUND', 'ACTIVIST_FILE_NOT_FOUND', 'NOT_THE_CONTACT', 'REPORT_REVIEWED', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, nowIso, today, write }, { reportId, mark, comment }) {
    const me = actor.requirePerson();
    const report = await requireReport(store, reportId);
    const file = await requireOpenFile(store, report.personId);
    if (!isContact(actor, file)) throw new DomainError('NOT_THE_CONTACT');
    if (report.review) throw new DomainError('REPORT_REVIEWED');
    if (comment) await assertPostable(ports, actor.openid, comment);
    return write(async (tx) => {
      const r = await tx.require<ReportDoc>(REPORTS, reportId, 'REPORT_NOT_FOUND');
      if (r.review) throw new DomainError('REPORT_REVIEWED');
      const review = { mark, comment, by: me._id, byName: me.name, at: nowIso, on: today };
      const after: ReportDoc = { ...r, review };
      await tx.put(REPORTS, after);
      tx.audit('activists.reviewReport', `${REPORTS}/${reportId}`, { review: null }, { review });
      return reportView(
        after,
        me._id,
        file.contacts.map((c) => c.id),
      );
    });
  },
});
