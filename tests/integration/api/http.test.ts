/**
 * The function host over HTTP, as the mini-program in local mode and a newcomer with curl reach it: identity from
 * the emulator-only header, the envelope in every reply, the round-trip and invocation headers, and refusals of
 * bodies the api cannot read.
 */
import { startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('POST /functions/api', () => {
  it('acts as the persona named in x-lingyan-openid and reports the cost of the call', async () => {
    const res = await post('/functions/api', JSON.stringify({ action: 'me.get', input: {} }), {
      'x-lingyan-openid': 'demo_sport_pb_sec',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; data: { person: { name: string } | null } };
    expect(body.ok).toBe(true);
    expect(body.data.person?.name).toBeTruthy();
    expect(Number(res.headers.get('x-lingyan-roundtrips'))).toBeGreaterThan(0);
    expect(res.headers.get('x-lingyan-invocation')).toMatch(/^inv-/);
  });

  it('answers a call without identity with UNAUTHENTICATED in the envelope', async () => {
    const res = await post('/functions/api', JSON.stringify({ action: 'me.get', input: {} }));
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('微信身份') },
    });
  });

  it('answers a body that is not JSON with BAD_INPUT in the envelope, in Chinese', async () => {
    const res = await post('/functions/api', '{"action": "me.get", ', { 'x-lingyan-openid': 'demo_sport_pb_sec' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '请求内容不是有效的 JSON' } });
  });

  it('refuses an oversized body without buffering it, in the envelope with INPUT_TOO_LARGE', async () => {
    const res = await post('/functions/api', 'x'.repeat(17 * 1024 * 1024), { 'x-lingyan-openid': 'demo_sport_pb_sec' });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'INPUT_TOO_LARGE', message: '提交的内容过大' } });
  });

  it('answers an unknown function with 404', async () => {
    const res = await post('/functions/nope', '{}');
    expect(res.status).toBe(404);
  });
});

describe('GET /personas and /outbox', () => {
  it('lists the demo personas with their roles', async () => {
    const { personas } = (await (await fetch(`${emu.url}/personas`)).json()) as {
      personas: { openid: string; roles: { role: string }[] }[];
    };
    expect(personas.length).toBeGreaterThanOrEqual(30);
    expect(personas.find((p) => p.openid === 'demo_admin')?.roles.map((r) => r.role)).toContain('school_admin');
  });

  it('serves the outbox of openapi calls', async () => {
    const { records } = (await (await fetch(`${emu.url}/outbox`)).json()) as { records: unknown[] };
    expect(Array.isArray(records)).toBe(true);
  });
});
