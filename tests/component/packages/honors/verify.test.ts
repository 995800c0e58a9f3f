/** 荣誉证书查验 (packages/honors/verify/index): the demo world's certificates, verified as anyone and as an officer. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const PAGE = 'packages/honors/verify/index';
/** 沈可欣's 优秀共青团员 (after the 评优 vote and the League committee's 公示). */
const VALID = worldView('honors.verify.valid');
/** 谢天宇's 社会实践先进个人, revoked by 体育学院: as a stranger and as its officer 陈志强 sees it. */
const REVOKED = worldView('honors.verify.revoked.stranger');
const REVOKED_OFFICER = worldView('honors.verify.revoked.officer');
/** 彭悦's honor, hidden from public walls, still verifies; 陈志强 (its awarding officer) may revoke it. */
const HIDDEN = worldView('honors.verify.hidden');

describe('荣誉证书查验', () => {
  it('verifies the number a scanned code carries, without being asked', async () => {
    const p = await loadPage(PAGE, {
      query: { scene: encodeURIComponent(`no=${VALID.certificateNo}`) },
      responses: { 'honors.verify': worldReply('honors.verify.valid') },
    });
    expect(p.callsOf('honors.verify')[0].input).toEqual({ certificateNo: VALID.certificateNo });
    expect(p.text('#verify-result')).toContain('证书有效');
    expect(p.text('#verify-result')).toContain('沈可欣');
    expect(p.text('#verify-result')).toContain('校团委');
    expect(p.exists('#revoke-button')).toBe(false);
    await p.tap('#certificate-button');
    expect(p.navigations[0].url).toMatch(/^\/packages\/honors\/certificate\/index\?no=LY-/);
  });

  it('says a revoked honor was revoked and when, with no reason for a stranger', async () => {
    const p = await loadPage(PAGE, {
      query: { no: REVOKED.certificateNo },
      responses: { 'honors.verify': worldReply('honors.verify.revoked.stranger') },
    });
    expect(p.text('#verify-result')).toContain('该荣誉已撤销');
    expect(p.text('#verify-result')).toContain(REVOKED.revokedOn ?? '');
    expect(p.exists('#revocation-reason')).toBe(false);
  });

  it('shows the reason to an officer of the awarding unit', async () => {
    const p = await loadPage(PAGE, {
      query: { no: REVOKED_OFFICER.certificateNo },
      responses: { 'honors.verify': worldReply('honors.verify.revoked.officer') },
    });
    expect(p.text('#revocation-reason')).toContain('服务时长与活动记录不符');
    expect(p.exists('#revoke-button')).toBe(false);
  });

  it('verifies an honor its holder hid from the walls', async () => {
    const p = await loadPage(PAGE, {
      query: { no: HIDDEN.certificateNo },
      responses: { 'honors.verify': worldReply('honors.verify.hidden') },
    });
    expect(p.text('#verify-result')).toContain('证书有效');
    expect(p.text('#verify-result')).toContain('彭悦');
  });

  it('lets the awarding officer revoke with a reason, and asks for one first', async () => {
    // 陈志强 opens the 社会实践先进个人 he has just awarded to 蒋文博, then revokes it.
    const fresh = worldView('honors.verify.new.officer');
    const p = await loadPage(PAGE, {
      query: { no: fresh.certificateNo },
      responses: {
        'honors.verify': [worldReply('honors.verify.new.officer'), worldReply('honors.verify.new_revoked.officer')],
        'honors.revoke': [worldReply('honors.revoke.no_reason'), worldReply('honors.revoke.done')],
      },
    });
    await p.tap('#revoke-button');
    await p.trigger('#revoke-dialog', 'confirm', { reason: ' ' });
    expect(p.callsOf('honors.revoke')).toHaveLength(0);
    expect(p.instance.data.reasonError).toBe('请填写撤销理由');
    // The server refuses a reason of spaces too (the recorded refusal): its message stands beside the textarea.
    await p.trigger('#revoke-dialog', 'confirm', { reason: '材料' });
    expect(p.callsOf('honors.revoke')[0].input).toEqual({ honorId: fresh.honorId, reason: '材料' });
    expect(p.instance.data.reasonError).toBe('请填写撤销理由');
    const reason = worldInput('honors.revoke.done').reason;
    await p.trigger('#revoke-dialog', 'confirm', { reason });
    expect(p.callsOf('honors.revoke')[1].input).toEqual({ honorId: fresh.honorId, reason });
    expect(p.toasts).toContain('已撤销');
    expect(p.text('#verify-result')).toContain('该荣誉已撤销');
    expect(p.text('#revocation-reason')).toContain(reason);
    expect(p.exists('#revoke-button')).toBe(false);
  });

  it('puts a mistyped number’s message beside the input', async () => {
    const p = await loadPage(PAGE, { responses: { 'honors.verify': worldReply('honors.verify.invalid') } });
    await p.tap('#verify-button');
    expect(p.callsOf('honors.verify')).toHaveLength(0);
    await p.trigger('#no-input', 'change', { value: worldInput('honors.verify.invalid').certificateNo });
    await p.tap('#verify-button');
    expect(p.text()).toContain('证书编号有误');
    expect(p.exists('#verify-result')).toBe(false);
  });
});
