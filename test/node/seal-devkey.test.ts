import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { expect, test, vi } from 'vitest';
import { loadSigner } from '../../contracts/seal';
import { ensureDevSealKey } from '../../scripts/dev-seal-key';

const tmp = () => path.join(mkdtempSync(path.join(tmpdir(), 'wasla-devvars-')), '.dev.vars');

// wrangler reads .dev.vars with dotenv, which expands \n in double-quoted values; Node's
// parseEnv follows the same rules, so the Worker gets multi-line PEMs that load.
test('writes a usable key and certificate once, keeping what was there', async () => {
	const file = tmp();
	writeFileSync(file, 'APP_ENV=development'); // no trailing newline
	expect(await ensureDevSealKey(file)).toBe(true);
	const first = readFileSync(file, 'utf8');
	const vars = parseEnv(first);
	expect(vars.APP_ENV).toBe('development');
	expect(vars.SEAL_PRIVATE_KEY).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----$/);
	expect(vars.SEAL_CERTIFICATE).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----$/);
	const signer = await loadSigner(vars.SEAL_PRIVATE_KEY!, vars.SEAL_CERTIFICATE!);
	expect(signer.subjectCommonName).toContain('Wasla development seal');

	expect(await ensureDevSealKey(file)).toBe(false);
	expect(readFileSync(file, 'utf8')).toBe(first);
});

test('creates the file when missing and never overwrites a half-configured pair', async () => {
	const fresh = tmp();
	expect(await ensureDevSealKey(fresh)).toBe(true);
	expect(Object.keys(parseEnv(readFileSync(fresh, 'utf8'))).sort()).toEqual(['SEAL_CERTIFICATE', 'SEAL_PRIVATE_KEY']);

	const half = tmp();
	writeFileSync(half, 'SEAL_CERTIFICATE="configured elsewhere"\n');
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	expect(await ensureDevSealKey(half)).toBe(false);
	expect(warn).toHaveBeenCalledWith(expect.stringContaining('only one of SEAL_PRIVATE_KEY / SEAL_CERTIFICATE'));
	warn.mockRestore();
	expect(readFileSync(half, 'utf8')).toBe('SEAL_CERTIFICATE="configured elsewhere"\n');
});
