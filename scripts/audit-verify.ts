/**
 * `npm run audit:verify`: verifies the audit trail through the emulator's `api` function as a persona holding
 * audit.read (default: the demo system administrator): the keyed hash chain, its end against the checkpoint in cloud
 * storage and the anchors on resolution records and 公示 archives, and the records that matter against the digests
 * the trail sealed. Prints every problem found, each with its entry and record. Exit code 0 intact, 1 tampered,
 * 2 cannot verify. Against production, call the `audit.verify` action from an administrator's account instead.
 */
import type { AuditVerifyView } from '../typings/actions';

const url = process.env.LINGYAN_URL ?? `http://127.0.0.1:${process.env.LINGYAN_PORT ?? 3900}`;
const openid = process.env.LINGYAN_OPENID ?? 'demo_admin';

async function main(): Promise<void> {
  const res = await fetch(`${url}/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lingyan-openid': openid },
    body: JSON.stringify({ action: 'audit.verify', input: {} }),
  });
  const body = (await res.json()) as { ok: boolean; data?: AuditVerifyView; error?: { code: string; message: string } };
  if (!body.ok || !body.data) {
    console.error(`audit.verify failed: ${body.error?.code} ${body.error?.message}`);
    process.exit(2);
  }
  const r = body.data;
  const cp = r.checkpoint ? `checkpoint #${r.checkpoint.seq} of ${r.checkpoint.at}` : 'no checkpoint yet';
  if (r.ok) {
    console.log(`audit trail intact: ${r.checked} entries verified (${cp})`);
    return;
  }
  console.error(
    `audit trail TAMPERED: ${r.problems.length} problem(s), first at entry #${r.firstBroken} (${r.checked} entries verified, ${cp})`,
  );
  for (const p of r.problems) {
    const where = [
      p.chain !== undefined ? `chain ${p.chain}` : null,
      p.seq !== undefined ? `#${p.seq}` : null,
      p.target ?? null,
    ]
      .filter(Boolean)
      .join(' ');
    console.error(`  [${p.kind}]${where ? ` ${where}` : ''}: ${p.message}`);
  }
  process.exit(1);
}

main().catch((e) => {
  console.error(`cannot reach the emulator at ${url}: ${(e as Error).message}`);
  process.exit(2);
});
