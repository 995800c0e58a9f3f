import { honorDoc, revokedDoc, verified } from '../../../support/demo-views/honors';
import { fail, loadPage, ok } from '../../harness';

const PAGE = 'packages/honors/verify/index';

describe('荣誉证书查验', () => {
  it('verifies the number a scanned code carries, without being asked', async () => {
    const doc = honorDoc();
    const p = await loadPage(PAGE, {
      query: { scene: encodeURIComponent(`no=${doc.certificateNo}`) },
      responses: { 'honors.verify': ok(verified(doc)) },
    });
    expect(p.callsOf('honors.verify')[0].input).toEqual({ certificateNo: doc.certificateNo });
    expect(p.text('#verify-result')).toContain('证书有效');
    expect(p.text('#verify-result')).toContain('蒋文博');
    expect(p.text('#verify-result')).toContain('校团委');
    await p.tap('#certificate-button');
    expect(p.navigations[0].url).toMatch(/^\/packages\/honors\/certificate\/index\?no=LY-/);
  });

  it('says a revoked honor was revoked and when, with no reason for a stranger', async () => {
    const p = await loadPage(PAGE, {
      query: { no: 'LY-X' },
      responses: { 'honors.verify': ok(verified(revokedDoc('材料不实'))) },
    });
    expect(p.text('#verify-result')).toContain('该荣誉已撤销');
    expect(p.text('#verify-result')).toContain('2026-12-01');
    expect(p.exists('#revocation-reason')).toBe(false);
  });

  it('shows the reason to an officer', async () => {
    const p = await loadPage(PAGE, {
      query: { no: 'LY-X' },
      responses: { 'honors.verify': ok(verified(revokedDoc('材料不实'), true)) },
    });
    expect(p.text('#revocation-reason')).toContain('材料不实');
  });

  it('puts a mistyped number’s message beside the input', async () => {
    const p = await loadPage(PAGE, { responses: { 'honors.verify': fail('CERTIFICATE_NUMBER_INVALID') } });
    await p.tap('#verify-button');
    expect(p.callsOf('honors.verify')).toHaveLength(0);
    await p.trigger('#no-input', 'change', { value: 'LY-1234' });
    await p.tap('#verify-button');
    expect(p.text()).toContain('证书编号有误');
    expect(p.exists('#verify-result')).toBe(false);
  });
});
