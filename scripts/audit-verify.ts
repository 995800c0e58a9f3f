/**
 * `npm run audit:verify`: verifies the audit hash chain through the emulator's `api` function as a
 * persona holding audit.read (default: the demo system administrator) and names the first broken entry.
 * Against production, call the `audit.verify` action from an administrator's account instead.
 */
const url = process.env.LINGYAN_URL ?? `http://127.0.0.1:${process.env.LINGYAN_PORT ?? 3900}`;
const openid = process.env.LINGYAN_OPENID ?? 'demo_admin';

async function main(): Promise<void> {
  const res = await fetch(`${url}/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lingyan-openid': openid },
    body: JSON.stringify({ action: 'audit.verify', input: {} }),
  });
  const body = (await res.json()) as {
    ok: boolean;
    data?: { ok: boolean; checked: number; firstBroken: number | null };
    error?: { code: string; message: string };
  };
  if (!body.ok || !body.data) {
    console.error(`audit.verify failed: ${body.error?.code} ${body.error?.message}`);
    process.exit(2);
  }
  if (body.data.ok) console.log(`audit chain intact: ${body.data.checked} entries verified`);
  else {
    console.error(`audit chain BROKEN at entry #${body.data.firstBroken} (${body.data.checked} checked)`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`cannot reach the emulator at ${url}: ${(e as Error).message}`);
  process.exit(2);
});
