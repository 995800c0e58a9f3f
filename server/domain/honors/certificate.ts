/**
 * Certificate numbers (C8): unique, and impossible to guess or enumerate. A number is 16 symbols drawn from 80
 * random bits (Crockford base 32: no I, L, O, U, so it reads aloud without confusion) and a check symbol
 * (ISO 7064 MOD 37,36 over the 32 symbols, here mod 37 with one extra symbol), so a mistyped number is refused
 * before anything is read and a number is never derived from a counter, a date or the person. Randomness comes
 * from the caller (no I/O here).
 */
export const CERT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/**
 * The check symbol is a value mod 37, so it needs 37 symbols: Crockford's own check symbols add '*', '~', '$', '='
 * and 'U' for the values 32 to 36.
 */
export const CHECK_ALPHABET = `${CERT_ALPHABET}*~$=U`;
export const CERT_BODY_LENGTH = 16;
/** Display groups: LY-XXXX-XXXX-XXXX-XXXX-C. */
export const CERT_PREFIX = 'LY';

/** The check symbol of a body (weighted sum mod 37, the weights make any single substitution or swap detectable). */
export function certificateCheckSymbol(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const v = CERT_ALPHABET.indexOf(body[i]);
    if (v < 0) throw new Error(`not a certificate symbol: ${body[i]}`);
    sum = (sum + v * (i + 2)) % 37;
  }
  return CHECK_ALPHABET[(37 - sum) % 37];
}

/** C8: a certificate number from 10 random bytes (80 bits): 16 symbols of 5 bits each and the check symbol. */
export function certificateNumberFrom(random: Uint8Array): string {
  if (random.length < 10) throw new Error('a certificate number needs 10 random bytes');
  let bits = 0n;
  for (let i = 0; i < 10; i++) bits = (bits << 8n) | BigInt(random[i]);
  let body = '';
  for (let i = 0; i < CERT_BODY_LENGTH; i++) {
    body = CERT_ALPHABET[Number(bits & 31n)] + body;
    bits >>= 5n;
  }
  return `${body}${certificateCheckSymbol(body)}`;
}

/**
 * What a person types or scans, as the canonical 17 symbols: case, spaces, dashes and the LY prefix are ignored,
 * and the lookalikes Crockford reads as digits (O→0, I/L→1) are mapped. Null when it cannot be a number.
 */
export function normalizeCertificateNumber(raw: string): string | null {
  let s = raw.toUpperCase().replace(/[\s-]/g, '');
  if (s.startsWith(CERT_PREFIX) && s.length === CERT_BODY_LENGTH + 1 + CERT_PREFIX.length) s = s.slice(2);
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== CERT_BODY_LENGTH + 1) return null;
  const body = s.slice(0, CERT_BODY_LENGTH);
  if (![...body].every((c) => CERT_ALPHABET.includes(c))) return null;
  return s;
}

/** C8: whether a (normalised) number's check symbol matches: a guessed or mistyped number fails here. */
export function certificateNumberValid(normalized: string): boolean {
  if (normalized.length !== CERT_BODY_LENGTH + 1) return false;
  const body = normalized.slice(0, CERT_BODY_LENGTH);
  if (![...body].every((c) => CERT_ALPHABET.includes(c))) return false;
  return certificateCheckSymbol(body) === normalized[CERT_BODY_LENGTH];
}

/** As printed: LY-XXXX-XXXX-XXXX-XXXX-C. */
export function formatCertificateNumber(normalized: string): string {
  const b = normalized.slice(0, CERT_BODY_LENGTH);
  return `${CERT_PREFIX}-${b.slice(0, 4)}-${b.slice(4, 8)}-${b.slice(8, 12)}-${b.slice(12, 16)}-${normalized[CERT_BODY_LENGTH]}`;
}
