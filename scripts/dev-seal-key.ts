// Development seal identity: when `.dev.vars` has no SEAL_PRIVATE_KEY / SEAL_CERTIFICATE,
// create an ECDSA P-256 key and a self-signed certificate and append both. Existing values
// are never overwritten. Production sets them with `wrangler secret put`.
//
// Format: PEM with newlines written as \n inside double quotes. wrangler reads .dev.vars
// with dotenv, which turns \n into a newline in double-quoted values (so the Worker sees a
// normal multi-line PEM); contracts/seal's fromPem also accepts the escaped form.
//
// Run: npx tsx scripts/dev-seal-key.ts [path/to/.dev.vars]   (default: .dev.vars at the repo root)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSelfSignedSigner } from '../contracts/seal/x509';

export const SEAL_VARS = { privateKey: 'SEAL_PRIVATE_KEY', certificate: 'SEAL_CERTIFICATE' } as const;

function hasVar(text: string, name: string): boolean {
	return new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=`, 'm').test(text);
}

const quoted = (pem: string) => `"${pem.trim().replaceAll('\n', '\\n')}"`;

/**
 * Appends a development seal key and certificate to `devVarsPath` when both are missing;
 * returns true when it wrote them. When only one of the two is set it changes nothing and
 * warns (a certificate must match its key).
 */
export async function ensureDevSealKey(devVarsPath: string): Promise<boolean> {
	const text = existsSync(devVarsPath) ? readFileSync(devVarsPath, 'utf8') : '';
	const hasKey = hasVar(text, SEAL_VARS.privateKey);
	const hasCert = hasVar(text, SEAL_VARS.certificate);
	if (hasKey && hasCert) return false;
	if (hasKey || hasCert) {
		console.warn(`${devVarsPath}: only one of ${SEAL_VARS.privateKey} / ${SEAL_VARS.certificate} is set; leaving it as is (remove it to get a fresh development pair).`);
		return false;
	}
	const { privateKeyPkcs8Pem, certificatePem } = await createSelfSignedSigner({
		commonName: 'Wasla development seal (not trusted)',
		organization: 'Wasla (development)',
		country: 'DZ',
		validDays: 3650
	});
	const lines = [
		'# Development seal identity (self-signed), written by scripts/dev-seal-key.ts. Production: wrangler secret put.',
		`${SEAL_VARS.privateKey}=${quoted(privateKeyPkcs8Pem)}`,
		`${SEAL_VARS.certificate}=${quoted(certificatePem)}`
	];
	const sep = text && !text.endsWith('\n') ? '\n' : '';
	writeFileSync(devVarsPath, `${text}${sep}${lines.join('\n')}\n`, { mode: 0o600 });
	return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
	const target = path.resolve(process.argv[2] ?? path.join(root, '.dev.vars'));
	const wrote = await ensureDevSealKey(target);
	console.log(wrote ? `Development seal key and self-signed certificate written to ${target}` : `Seal key already configured in ${target}`);
}
