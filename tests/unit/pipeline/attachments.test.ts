/** S3: a record's attachments are files of the case's own folder, of an accepted kind by their bytes, within 20 MB. */

import { DomainError } from '../../../server/domain/errors';
import { cloudPathOf, fileTypeOfBytes } from '../../../server/domain/files';
import { checkAttachmentPlaces, checkStoredAttachments } from '../../../server/domain/pipeline';
import { attachmentName, PIPELINE_LIMITS } from '../../../typings/vocabulary';

const id = (path: string) => `cloud://env-1.bucket/${path}`;
const PDF = Buffer.from('%PDF-1.4\n');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
}

describe('what a stored file is, by its first bytes', () => {
  it('knows JPEG, PNG, PDF and the ZIP container of .docx and .xlsx, and nothing else', () => {
    expect(fileTypeOfBytes(JPG)).toBe('image/jpeg');
    expect(fileTypeOfBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(fileTypeOfBytes(PDF)).toBe('application/pdf');
    expect(fileTypeOfBytes(ZIP)).toBe('application/zip');
    expect(fileTypeOfBytes(Buffer.from('GIF89a'))).toBeNull();
    expect(fileTypeOfBytes(Buffer.from('%PD'))).toBeNull();
  });

  it('reads the path of a cloud fileID', () => {
    expect(cloudPathOf(id('pipeline/pc_p_1/a.pdf'))).toBe('pipeline/pc_p_1/a.pdf');
    expect(cloudPathOf('https://example.com/a.pdf')).toBeNull();
  });
});

describe('S3: attachments lie in the case’s own folder', () => {
  it('takes files of the folder and refuses another case’s, a look-alike folder, the folder itself, a path that climbs out and a repeat', () => {
    expect(codeOf(() => checkAttachmentPlaces('pc_p_1', [id('pipeline/pc_p_1/a.pdf')]))).toBeNull();
    expect(codeOf(() => checkAttachmentPlaces('pc_p_1', [id('pipeline/pc_p_2/a.pdf')]))).toBe(
      'ATTACHMENT_OUT_OF_PLACE',
    );
    expect(codeOf(() => checkAttachmentPlaces('pc_p_1', [id('pipeline/pc_p_10/a.pdf')]))).toBe(
      'ATTACHMENT_OUT_OF_PLACE',
    );
    expect(codeOf(() => checkAttachmentPlaces('pc_p_1', [id('pipeline/pc_p_1/')]))).toBe('ATTACHMENT_OUT_OF_PLACE');
    for (const sneaky of ['pipeline/pc_p_1/../pc_p_2/a.pdf', 'pipeline/pc_p_1/./a.pdf', 'pipeline/pc_p_1//a.pdf']) {
      expect(codeOf(() => checkAttachmentPlaces('pc_p_1', [id(sneaky)]))).toBe('ATTACHMENT_OUT_OF_PLACE');
    }
    const a = id('pipeline/pc_p_1/a.pdf');
    expect(codeOf(() => checkAttachmentPlaces('pc_p_1', [a, a]))).toBe('BAD_INPUT');
  });
});

describe('S3: attachments as stored', () => {
  const f = (head: Buffer, size = 1000) => ({ size, head });
  it('takes a PDF, a scan and Word or Excel files whose bytes match their names, up to 20 MB exactly', () => {
    const ids = ['a.pdf', 'b.JPG', 'c.docx', 'd.xlsx'].map((n) => id(`pipeline/pc_p_1/${n}`));
    expect(
      codeOf(() => checkStoredAttachments(ids, [f(PDF, PIPELINE_LIMITS.attachmentBytes), f(JPG), f(ZIP), f(ZIP)])),
    ).toBeNull();
  });

  it('refuses a missing file, bytes that are not what the name says, and one byte over the limit', () => {
    const pdf = [id('pipeline/pc_p_1/a.pdf')];
    expect(codeOf(() => checkStoredAttachments(pdf, [null]))).toBe('ATTACHMENT_NOT_FOUND');
    expect(codeOf(() => checkStoredAttachments(pdf, [f(ZIP)]))).toBe('ATTACHMENT_TYPE_INVALID');
    expect(codeOf(() => checkStoredAttachments([id('pipeline/pc_p_1/a.zip')], [f(ZIP)]))).toBe(
      'ATTACHMENT_TYPE_INVALID',
    );
    expect(codeOf(() => checkStoredAttachments(pdf, [f(PDF, PIPELINE_LIMITS.attachmentBytes + 1)]))).toBe(
      'ATTACHMENT_TOO_LARGE',
    );
    expect(codeOf(() => checkStoredAttachments(pdf, [f(PDF, 0)]))).toBe('ATTACHMENT_TOO_LARGE');
  });
});

describe('the name an attachment is shown by', () => {
  it('is the name the person chose, without the upload’s time-and-random prefix', () => {
    expect(attachmentName(id('pipeline/pc_p_1/1795400000000-a1b2c3-谈话记录.pdf'))).toBe('谈话记录.pdf');
    expect(attachmentName(id('pipeline/pc_p_1/scan.jpg'))).toBe('scan.jpg');
  });
});
