import { DomainError } from '../../../server/domain/errors';
import { checkStoredImages, imageTypeOfBytes } from '../../../server/domain/honors';
import { POST_LIMITS } from '../../../typings/vocabulary';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
}

describe('an image is judged by the stored file, not by what the client declared (D10)', () => {
  it('knows a JPG and a PNG by their first bytes, and nothing else', () => {
    expect(imageTypeOfBytes(JPEG)).toBe('image/jpeg');
    expect(imageTypeOfBytes(PNG)).toBe('image/png');
    expect(imageTypeOfBytes(Buffer.from('GIF89a'))).toBeNull();
    expect(imageTypeOfBytes(Buffer.from('<svg'))).toBeNull();
    expect(imageTypeOfBytes(new Uint8Array())).toBeNull();
  });

  it('keeps each stored image’s real size and type', () => {
    expect(
      checkStoredImages([
        { size: 10, head: JPEG },
        { size: 20, head: PNG },
      ]),
    ).toEqual([
      { size: 10, type: 'image/jpeg' },
      { size: 20, type: 'image/png' },
    ]);
  });

  it('refuses a missing file, a file of another format and a file over the limit, naming the image', () => {
    expect(codeOf(() => checkStoredImages([{ size: 10, head: JPEG }, null]))).toBe('IMAGE_NOT_FOUND');
    expect(codeOf(() => checkStoredImages([{ size: 10, head: Buffer.from('MZ') }]))).toBe('IMAGE_TYPE_INVALID');
    expect(codeOf(() => checkStoredImages([{ size: POST_LIMITS.imageBytes + 1, head: PNG }]))).toBe('IMAGE_TOO_LARGE');
    expect(codeOf(() => checkStoredImages([{ size: POST_LIMITS.imageBytes, head: PNG }]))).toBeNull();
    try {
      checkStoredImages([{ size: 10, head: JPEG }, null]);
    } catch (e) {
      expect((e as DomainError).fields).toEqual({ 'images.1': '图片未上传成功，请重新上传' });
    }
  });
});
