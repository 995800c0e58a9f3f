import { randomBytes } from 'node:crypto';
import {
  CERT_ALPHABET,
  certificateNumberFrom,
  certificateNumberValid,
  formatCertificateNumber,
  normalizeCertificateNumber,
} from '../../../server/domain/honors';

describe('certificate numbers (C8)', () => {
  it('have a check symbol for every value mod 37, and every such number verifies', () => {
    const seen = new Set<string>();
    // Walk bodies until every check value 0–36 has appeared: a 33-symbol check alphabet failed on 4 of them.
    for (let n = 0; seen.size < 37 && n < 10_000; n++) {
      const bytes = new Uint8Array(10);
      bytes[8] = n >> 8;
      bytes[9] = n & 255;
      const no = certificateNumberFrom(bytes);
      expect(no).toHaveLength(17);
      expect(certificateNumberValid(no)).toBe(true);
      seen.add(no[16]);
    }
    expect(seen.size).toBe(37);
  });

  it('are 16 random symbols and a check symbol, and verify', () => {
    const no = certificateNumberFrom(randomBytes(10));
    expect(no).toHaveLength(17);
    expect(certificateNumberValid(no)).toBe(true);
  });

  it('differ for consecutive awards: nothing sequential to enumerate', () => {
    const many = new Set(Array.from({ length: 2000 }, () => certificateNumberFrom(randomBytes(10))));
    expect(many.size).toBe(2000);
  });

  it('catch every single mistyped symbol and every swap of neighbours', () => {
    const no = certificateNumberFrom(randomBytes(10));
    for (let i = 0; i < 16; i++) {
      for (const c of CERT_ALPHABET) {
        if (c === no[i]) continue;
        expect(certificateNumberValid(no.slice(0, i) + c + no.slice(i + 1))).toBe(false);
      }
      if (i < 15 && no[i] !== no[i + 1]) {
        expect(certificateNumberValid(no.slice(0, i) + no[i + 1] + no[i] + no.slice(i + 2))).toBe(false);
      }
    }
  });

  it('read what a person types: the printed form, lower case, O for 0', () => {
    const no = certificateNumberFrom(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const printed = formatCertificateNumber(no);
    expect(printed).toMatch(/^LY-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.$/);
    expect(normalizeCertificateNumber(printed.toLowerCase())).toBe(no);
    expect(normalizeCertificateNumber(no.replace(/0/g, 'O'))).toBe(no);
    expect(normalizeCertificateNumber('LY-123')).toBeNull();
  });
});
