/**
 * Evidence as attachments, from the demo world's recordings: 郑浩 (sport_pb_cm) records a talk on 宋佳怡's case
 * with its PDF record and a photo — picked from a chat and the album, uploaded into the case's folder (the platform's
 * upload stubbed, the fileIDs those the world stored), listed by name, one removed and picked again — and sees the
 * server's refusal of a file from elsewhere beside the field; the case page then lists them and opens one through
 * the short-lived link the server hands out.
 */

import { PIPELINE_LIMITS } from '../../../../typings/vocabulary';
import { TALK_ATTACHMENTS, worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';
import { openDocuments } from '../../wx-stubs';

// biome-ignore lint/suspicious/noExplicitAny: the simulator's wx global is untyped
const wxGlobal = () => (globalThis as any).wx;

const ACT = 'packages/pipeline/act/index';
const CASE = 'packages/pipeline/case/index';
const TALKED = worldView('pipeline.get.talked.committee');
const SENT = worldInput('pipeline.recordTalk.attached');
const ATTACHED = worldView('pipeline.get.attached.committee');
const LINK = worldView('pipeline.attachmentLink.committee');
const PHOTO_LINK = worldView('pipeline.attachmentLink.photo');
const [PDF, PHOTO] = TALK_ATTACHMENTS;

/** The platform's pickers and upload: each upload answers with the fileID the world stored for that name. */
function stubPlatform() {
  const uploads: { cloudPath: string; filePath: string }[] = [];
  let release: (() => void) | null = null;
  const wx = wxGlobal();
  wx.chooseMessageFile = (o: { extension: string[]; success: (r: unknown) => void }) =>
    o.success({ tempFiles: [{ path: `wxfile://tmp/${PDF.name}`, name: PDF.name, size: 9000, type: 'file', time: 0 }] });
  wx.chooseMedia = (o: { success: (r: unknown) => void }) =>
    o.success({ tempFiles: [{ tempFilePath: `wxfile://tmp/${PHOTO.name}`, size: 4000, fileType: 'image' }] });
  wx.cloud.uploadFile = async (o: { cloudPath: string; filePath: string }) => {
    uploads.push(o);
    if (hold) await new Promise<void>((r) => (release = r));
    const stored = TALK_ATTACHMENTS.find((a) => o.cloudPath.endsWith(`-${a.name}`))!;
    return { fileID: SENT.attachments!.find((f) => f.endsWith(stored.stored))!, statusCode: 200, errMsg: 'ok' };
  };
  let hold = false;
  return {
    uploads,
    holdNext: () => {
      hold = true;
    },
    release: () => {
      hold = false;
      release?.();
    },
  };
}

async function fillTalk(p: Awaited<ReturnType<typeof loadPage>>) {
  await p.trigger('#talk-kind', 'change', { value: SENT.kind });
  await p.trigger('#date-picker', 'confirm', { value: SENT.on });
  await p.trigger('#topics-input', 'change', { value: SENT.topics });
  await p.trigger('#content-input', 'change', { value: SENT.content });
  await p.trigger('#opinion-input', 'change', { value: SENT.opinion });
}

describe('谈话记录的附件', () => {
  it('uploads a chat file and a photo into the case’s folder, lists them by name, and sends them with the talk', async () => {
    const p = await loadPage(ACT, {
      query: { caseId: TALKED.caseId, form: 'talk' },
      responses: { 'pipeline.get': ok(TALKED), 'pipeline.recordTalk': worldReply('pipeline.recordTalk.attached') },
    });
    const platform = stubPlatform();
    await fillTalk(p);
    await p.tap('#attachments-field >>> #add-file');
    await p.tap('#attachments-field >>> #add-image');
    expect(platform.uploads.map((u) => u.cloudPath)).toEqual([
      expect.stringMatching(new RegExp(`^pipeline/${TALKED.caseId}/\\d+-[a-z0-9]+-${PDF.name}$`)),
      expect.stringMatching(new RegExp(`^pipeline/${TALKED.caseId}/\\d+-[a-z0-9]+-${PHOTO.name}$`)),
    ]);
    expect(p.text('#attachments-field >>> #attachment-0')).toContain(PDF.name);
    expect(p.text('#attachments-field >>> #attachment-1')).toContain(PHOTO.name);
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.recordTalk')[0].input).toEqual(SENT);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('removes an attachment, and waits for an upload under way before sending', async () => {
    const p = await loadPage(ACT, {
      query: { caseId: TALKED.caseId, form: 'talk' },
      responses: { 'pipeline.get': ok(TALKED), 'pipeline.recordTalk': worldReply('pipeline.recordTalk.attached') },
    });
    const platform = stubPlatform();
    await fillTalk(p);
    await p.tap('#attachments-field >>> #add-image');
    await p.tap('#attachments-field >>> #attachment-0 .af__remove');
    expect(p.exists('#attachments-field >>> #attachment-0')).toBe(false);
    platform.holdNext();
    await p.tap('#attachments-field >>> #add-file');
    expect(p.exists('#attachments-field >>> #attachments-uploading')).toBe(true);
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.recordTalk')).toHaveLength(0);
    platform.release();
    await p.settle();
    expect(p.exists('#attachments-field >>> #attachments-uploading')).toBe(false);
    await p.tap('#attachments-field >>> #add-image');
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.recordTalk')[0].input).toEqual(SENT);
  });

  it('does not upload a file over the size the server takes, and says so', async () => {
    const p = await loadPage(ACT, {
      query: { caseId: TALKED.caseId, form: 'talk' },
      responses: { 'pipeline.get': ok(TALKED) },
    });
    const platform = stubPlatform();
    const limitMb = PIPELINE_LIMITS.attachmentBytes / (1024 * 1024);
    wxGlobal().chooseMessageFile = (o: { success: (r: unknown) => void }) =>
      o.success({
        tempFiles: [
          { path: 'wxfile://tmp/big.pdf', name: 'big.pdf', size: PIPELINE_LIMITS.attachmentBytes + 1, type: 'file' },
        ],
      });
    await p.tap('#attachments-field >>> #add-file');
    expect(platform.uploads).toEqual([]);
    expect(p.toasts).toContain(`单个附件不超过 ${limitMb} MB`);
    expect(p.exists('#attachments-field >>> #attachment-0')).toBe(false);
  });

  it('shows the server’s refusal of a file from outside the case beside the field, and clears it on a change', async () => {
    const p = await loadPage(ACT, {
      query: { caseId: TALKED.caseId, form: 'talk' },
      responses: {
        'pipeline.get': ok(TALKED),
        'pipeline.recordTalk': worldReply('pipeline.recordTalk.attachment_elsewhere'),
      },
    });
    stubPlatform();
    await fillTalk(p);
    await p.tap('#attachments-field >>> #add-file');
    await p.tap('#submit-button');
    const refusal = worldReply('pipeline.recordTalk.attachment_elsewhere');
    expect(refusal.ok ? '' : refusal.error.code).toBe('ATTACHMENT_OUT_OF_PLACE');
    expect(p.text('#attachments-field >>> #attachments-error')).toContain('附件不属于该发展档案');
    expect(p.navigations).toEqual([]);
    await p.tap('#attachments-field >>> #attachment-0 .af__remove');
    expect(p.exists('#attachments-field >>> #attachments-error')).toBe(false);
  });
});

describe('发展档案页的附件', () => {
  it('lists each record’s attachments by name and opens one through its short-lived link', async () => {
    const record = ATTACHED.records.find((r) => r.attachments.length)!;
    expect(record.attachments).toEqual(SENT.attachments);
    const p = await loadPage(CASE, {
      query: { caseId: ATTACHED.caseId },
      responses: { 'pipeline.get': ok(ATTACHED), 'pipeline.attachmentLink': ok(LINK) },
    });
    const opened = openDocuments();
    expect(p.count('.record__attachment')).toBe(2);
    expect(p.text('#journey-records')).toContain(`附件：${PDF.name}`);
    expect(p.text('#journey-records')).toContain(`附件：${PHOTO.name}`);
    expect(p.callsOf('pipeline.attachmentLink')).toHaveLength(0);
    await p.tap('.record__attachment', 0);
    expect(p.callsOf('pipeline.attachmentLink')[0].input).toEqual({
      caseId: ATTACHED.caseId,
      fileId: SENT.attachments![0],
    });
    expect(opened).toEqual([{ filePath: `tmp:${LINK.url}`, fileType: 'pdf' }]);
  });
});

describe('发展档案全卷的附件', () => {
  it('lists the talk’s attachments under its entry and opens the photo in the image viewer', async () => {
    const DOSSIER = worldView('pipeline.dossier.attached.committee');
    const entry = DOSSIER.entries.find((e) => e.attachments.length)!;
    const p = await loadPage('packages/pipeline/dossier/index', {
      query: { caseId: DOSSIER.caseId },
      responses: { 'pipeline.dossier': ok(DOSSIER), 'pipeline.attachmentLink': ok(PHOTO_LINK) },
    });
    const previewed: string[][] = [];
    wxGlobal().previewImage = (o: { urls: string[]; success: () => void }) => {
      previewed.push(o.urls);
      o.success();
    };
    expect(p.text(`#entry-${entry.id}`)).toContain(`附件：${PDF.name}`);
    expect(p.text(`#entry-${entry.id}`)).toContain(`附件：${PHOTO.name}`);
    await p.tap(`#entry-${entry.id} .record__attachment`, 1);
    expect(p.callsOf('pipeline.attachmentLink')[0].input).toEqual({
      caseId: DOSSIER.caseId,
      fileId: entry.attachments[1],
    });
    expect(PHOTO_LINK.fileName).toBe(PHOTO.name);
    expect(previewed).toEqual([[PHOTO_LINK.url]]);
  });
});

describe('入党宣誓记录的附件', () => {
  it('uploads the oath’s photo into the case’s folder and shows the server’s refusal of a file it cannot find', async () => {
    const NOT_SWORN = worldView('pipeline.get.probationary_no_oath.secretary');
    const sent = worldInput('pipeline.recordOath.photo_missing');
    const refusal = worldReply('pipeline.recordOath.photo_missing');
    expect(refusal.ok ? '' : refusal.error.code).toBe('ATTACHMENT_NOT_FOUND');
    const p = await loadPage('packages/pipeline/oath/index', {
      query: { caseId: NOT_SWORN.caseId },
      responses: {
        'pipeline.get': ok(NOT_SWORN),
        'pipeline.reminderStatus': ok(worldView('pipeline.reminderStatus.info_secretary')),
        'pipeline.recordOath': refusal,
      },
    });
    const uploads: string[] = [];
    wxGlobal().chooseMedia = (o: { success: (r: unknown) => void }) =>
      o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/宣誓合影.jpg', size: 4000, fileType: 'image' }] });
    wxGlobal().cloud.uploadFile = async (o: { cloudPath: string }) => {
      uploads.push(o.cloudPath);
      return { fileID: sent.attachments![0], statusCode: 200, errMsg: 'ok' };
    };
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.trigger('#place-input', 'change', { value: sent.place });
    await p.trigger('#leader-input', 'change', { value: sent.leaderName });
    await p.tap('#attachments-field >>> #add-image');
    expect(uploads).toEqual([
      expect.stringMatching(new RegExp(`^pipeline/${NOT_SWORN.caseId}/\\d+-[a-z0-9]+-宣誓合影\\.jpg$`)),
    ]);
    expect(p.text('#attachments-field >>> #attachment-0')).toContain('宣誓合影.jpg');
    await p.tap('#submit-button');
    await p.settle();
    expect(p.callsOf('pipeline.recordOath')[0].input).toEqual(sent);
    expect(p.text('#attachments-field >>> #attachments-error')).toContain('附件未上传成功');
    expect(p.navigations).toEqual([]);
  });
});
