/** The import writes audit entries with the key the deployed functions use, fetched from their configuration. */
import { auditSecretOf, LOCAL_AUDIT_SECRET } from '../../../scripts/import/write';

const cloud = { local: null, envId: 'lingyan-4g2x9c0d1e' };
const managerWith = (vars: { Key: string; Value: string }[]) => ({
  functions: {
    getFunctionDetail: async (name: string) => (name === 'api' ? { Environment: { Variables: vars } } : null),
  },
});

test("against CloudBase the key is the deployed api function's LINGYAN_AUDIT_SECRET", async () => {
  const m = managerWith([
    { Key: 'LINGYAN_SETUP_CODE', Value: 'x' },
    { Key: 'LINGYAN_AUDIT_SECRET', Value: 'the-deployed-audit-key-0123456789' },
  ]);
  expect(await auditSecretOf(cloud, { LINGYAN_AUDIT_SECRET: 'a-different-shell-value' }, m)).toBe(
    'the-deployed-audit-key-0123456789',
  );
});

test('an environment that was never deployed is refused with a message saying to deploy first', async () => {
  await expect(auditSecretOf(cloud, {}, managerWith([]))).rejects.toThrow('请先运行 npm run deploy');
});

test('against the emulator the key is its development key unless the shell sets one', async () => {
  const local = { local: 'http://127.0.0.1:3900', envId: 'local' };
  expect(await auditSecretOf(local, {})).toBe(LOCAL_AUDIT_SECRET);
  expect(await auditSecretOf(local, { LINGYAN_AUDIT_SECRET: 'own-key-0123456789' })).toBe('own-key-0123456789');
});
