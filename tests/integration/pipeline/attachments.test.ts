/**
 * Evidence as real attachments (S3): a record's attachments are files the mini-program uploaded into the case's own
 * folder of cloud storage (the emulator's real storage, through the unmodified SDK), each read back from storage
 * for its size and first bytes. Every refusal writes nothing; a caller out of scope hears only that.
 */
import type { ActionName } from '../../../typings/actions';
import { upload } from '../honors/support';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addStudent, at, BRANCH, COMMITTEE_MEMBER, SECRETARY } from './support';

let emu: TestEmulator;
let caseId: string;
let studentWho: string;

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0, 0, 0, 0, 0, 0]);
const folder = () => `pipeline/${caseId}`;

const footprint = async () => ({
  records: await emu.server.db.collection('pipeline_records').count({}),
  cases: (await emu.server.db.collection('pipeline_cases').findOne({ _id: caseId }))?.updatedAt,
  audit: await emu.server.db.collection('audit').count({}),
});

const talk = (attachments: string[]) => ({
  caseId,
  kind: 'regular' as const,
  on: '2026-09-10',
  topics: '思想汇报',
  content: '谈学习情况',
  opinion: '表现良好',
  attachments,
});

async function refused(who: string, action: ActionName, input: object, code: string, field?: string) {
  const before = await footprint();
  const res = await emu.raw(who, action, input);
  expect(res.ok).toBe(false);
  if (!res.ok) {
    expect(res.error.code).toBe(code);
    if (field) expect(Object.keys(res.error.fields ?? {})).toEqual([field]);
  }
  expect(await footprint()).toEqual(before);
}

beforeAll(async () => {
  emu = await startTestEmulator();
  at(emu, '2026-09-07');
  const student = await addStudent(emu, '2023019911', { name: '宋予安' });
  studentWho = student.who;
  // The application carries its scanned letter, uploaded into the folder of the case it opens.
  const letter = upload(emu, `pipeline/pc_${student.id}/入党申请书.pdf`, PDF);
  const c = expectOk(
    await emu.call(student.who, 'pipeline.apply', {
      branchId: BRANCH,
      statement: '我志愿加入中国共产党，拥护党的纲领，遵守党的章程。',
      attachments: [letter],
    }),
  );
  caseId = c.caseId;
  at(emu, '2026-09-10');
});
afterAll(() => emu.close());

describe('发展档案的附件', () => {
  it('keeps an application’s scanned letter, stored in the case’s own folder', async () => {
    const rec = await emu.server.db.collection('pipeline_records').findOne({ caseId, kind: 'application' });
    expect(rec?.attachments).toEqual([`cloud://lingyan-test.lingyan-local/${folder()}/入党申请书.pdf`]);
  });

  it('records a talk with its PDF, scan and Word and Excel files, each read from storage', async () => {
    const files = [
      upload(emu, `${folder()}/谈话记录.pdf`, PDF),
      upload(emu, `${folder()}/scan.jpg`),
      upload(emu, `${folder()}/谈话提纲.docx`, ZIP),
      upload(emu, `${folder()}/考察表.xlsx`, ZIP),
    ];
    const before = await emu.server.db.collection('pipeline_records').count({});
    const { recordId } = expectOk(await emu.call(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk(files)));
    expect(await emu.server.db.collection('pipeline_records').count({})).toBe(before + 1);
    const rec = await emu.server.db.collection('pipeline_records').findOne({ _id: recordId });
    expect(rec?.attachments).toEqual(files);
  });

  it('costs one storage call for all the files, however many, read beside the transaction', async () => {
    const trips = async (attachments: string[]) => {
      const r = await emu.invoke('pipeline.recordTalk', talk(attachments), COMMITTEE_MEMBER);
      expect((r.body as { ok: boolean }).ok).toBe(true);
      return [r.roundTrips, r.storageCalls];
    };
    const [none, noStorage] = await trips([]);
    const one = await trips([upload(emu, `${folder()}/第0页.pdf`, PDF)]);
    const nine = await trips(Array.from({ length: 9 }, (_, i) => upload(emu, `${folder()}/第${i + 1}页.pdf`, PDF)));
    expect(noStorage).toBe(0);
    expect([one, nine]).toEqual([
      [none, 1],
      [none, 1],
    ]);
  });

  it('refuses a file from outside the case’s folder: another case’s, or the showcase’s', async () => {
    const other = upload(emu, 'pipeline/pc_p_2023019999/谈话记录.pdf', PDF);
    await refused(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk([other]), 'ATTACHMENT_OUT_OF_PLACE', 'attachments.0');
    const showcase = upload(emu, 'showcase/photo.jpg');
    await refused(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk([showcase]), 'ATTACHMENT_OUT_OF_PLACE');
    // The folder itself is no file, and a look-alike folder is not the case's.
    const lookalike = upload(emu, `${folder()}x/记录.pdf`, PDF);
    await refused(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk([lookalike]), 'ATTACHMENT_OUT_OF_PLACE');
  });

  it('refuses a file that was never uploaded', async () => {
    await refused(
      COMMITTEE_MEMBER,
      'pipeline.recordTalk',
      talk([`cloud://lingyan-test.lingyan-local/${folder()}/missing.pdf`]),
      'ATTACHMENT_NOT_FOUND',
      'attachments.0',
    );
  });

  it('refuses a file whose bytes are not what its name says, or of a kind not accepted', async () => {
    const ok = upload(emu, `${folder()}/ok.pdf`, PDF);
    const disguised = upload(emu, `${folder()}/决议.pdf`, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    await refused(
      COMMITTEE_MEMBER,
      'pipeline.recordTalk',
      talk([ok, disguised]),
      'ATTACHMENT_TYPE_INVALID',
      'attachments.1',
    );
    const zipAsPdf = upload(emu, `${folder()}/archive.pdf`, ZIP);
    await refused(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk([zipAsPdf]), 'ATTACHMENT_TYPE_INVALID');
    const zip = upload(emu, `${folder()}/bundle.zip`, ZIP);
    await refused(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk([zip]), 'ATTACHMENT_TYPE_INVALID');
  });

  it('refuses a file over 20 MB, and takes one of exactly 20 MB', async () => {
    const limit = 20 * 1024 * 1024;
    const big = upload(emu, `${folder()}/big.pdf`, Buffer.concat([PDF, Buffer.alloc(limit + 1 - PDF.length, 0x20)]));
    await refused(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk([big]), 'ATTACHMENT_TOO_LARGE', 'attachments.0');
    const edge = upload(emu, `${folder()}/edge.pdf`, Buffer.concat([PDF, Buffer.alloc(limit - PDF.length, 0x20)]));
    expectOk(await emu.call(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk([edge])));
  });

  it('refuses a step whose attachment is missing, and writes nothing', async () => {
    await refused(
      SECRETARY,
      'pipeline.takeStep',
      {
        caseId,
        step: 'determine_activist',
        meetingRef: '支委会记录',
        attachments: [`cloud://lingyan-test.lingyan-local/${folder()}/支委会决议.pdf`],
      },
      'ATTACHMENT_NOT_FOUND',
    );
  });

  it('answers a caller out of scope with that alone, whatever the attachments', async () => {
    const missing = `cloud://lingyan-test.lingyan-local/${folder()}/missing.pdf`;
    await refused('info_pb_sec', 'pipeline.recordTalk', talk([missing]), 'OUT_OF_SCOPE');
    await refused(
      'info_pb_sec',
      'pipeline.takeStep',
      { caseId, step: 'determine_activist', meetingRef: '支委会记录', attachments: [missing] },
      'OUT_OF_SCOPE',
    );
  });
});

describe('临时支部报送考察的附件', () => {
  it('takes a temporary branch’s file in the folder of the member’s case, which follows from the person', async () => {
    const member = await addStudent(emu, '2023019912', { memberOf: ['u_as_bball', 'u_as_bball_tpb'], name: '周可' });
    const { caseId: memberCase } = expectOk(
      await emu.call(member.who, 'pipeline.apply', { branchId: BRANCH, statement: '我志愿加入中国共产党。' }),
    );
    const report = (attachments: string[]) => ({
      personId: member.id,
      unitId: 'u_as_bball_tpb',
      kind: 'activity' as const,
      on: '2026-09-10',
      content: '组织协会训练',
      opinion: '表现积极',
      attachments,
    });
    // 曹宁 (sport_full2), secretary of the basketball association's temporary party branch, addresses the person.
    const theirs = upload(emu, `pipeline/${memberCase}/活动签到表.pdf`, PDF);
    await refused(
      'sport_full2',
      'pipeline.recordAssessment',
      report([upload(emu, `${folder()}/签到.pdf`, PDF)]),
      'ATTACHMENT_OUT_OF_PLACE',
    );
    const { recordId } = expectOk(await emu.call('sport_full2', 'pipeline.recordAssessment', report([theirs])));
    const rec = await emu.server.db.collection('pipeline_records').findOne({ _id: recordId });
    expect(rec?.caseId).toBe(memberCase);
    expect(rec?.attachments).toEqual([theirs]);
  });
});

describe('发展档案附件的下载链接', () => {
  const letter = () => `cloud://lingyan-test.lingyan-local/${folder()}/入党申请书.pdf`;

  it('hands the person, the home branch’s officers and the committee above a short-lived link to the stored file', async () => {
    for (const who of [studentWho, SECRETARY, COMMITTEE_MEMBER, 'party_admin']) {
      const link = expectOk(await emu.call(who, 'pipeline.attachmentLink', { caseId, fileId: letter() }));
      expect(link).toMatchObject({ fileID: letter(), fileName: '入党申请书.pdf', expiresInS: 600 });
      const res = await fetch(encodeURI(link.url));
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);
    }
  });

  it('refuses another branch’s secretary, the League committee, a fellow student and a temporary branch’s secretary, as if the case were not there', async () => {
    for (const who of ['info_pb_sec', 'league_admin', 'sport_league1', 'sport_full2']) {
      await refused(who, 'pipeline.attachmentLink', { caseId, fileId: letter() }, 'OUT_OF_SCOPE');
    }
  });

  it('refuses a file of the case’s folder that no record holds (uploaded, but its record was refused)', async () => {
    const orphan = upload(emu, `${folder()}/orphan.pdf`, PDF);
    await refused(COMMITTEE_MEMBER, 'pipeline.attachmentLink', { caseId, fileId: orphan }, 'ATTACHMENT_NOT_FOUND');
    const elsewhere = upload(emu, 'pipeline/pc_p_2023019999/x.pdf', PDF);
    await refused(COMMITTEE_MEMBER, 'pipeline.attachmentLink', { caseId, fileId: elsewhere }, 'ATTACHMENT_NOT_FOUND');
  });
});
