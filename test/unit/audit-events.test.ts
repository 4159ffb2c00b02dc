/** Audit event data by action (worker/domain/audit-events.ts): checked on read, never transformed. */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../worker/domain/audit-chain';
import { AUDIT_EVENT_DATA, readAuditEventData } from '../../worker/domain/audit-events';

const SHA = 'a'.repeat(64);

describe('audit event data', () => {
	it('has a shape for every action', () => {
		expect(Object.keys(AUDIT_EVENT_DATA).sort()).toEqual([...AUDIT_ACTIONS].sort());
	});

	it('accepts what each writer writes, as stored', () => {
		const written = [
			{ action: 'created', data: { version: 1, documentSha256: SHA } },
			{ action: 'edited', data: { version: 2, documentSha256: SHA, note: '' } },
			{ action: 'proposed', data: { version: 3, documentSha256: SHA, note: 'Frais' } },
			{ action: 'sent', data: { version: 3, documentSha256: SHA } },
			{ action: 'viewed', data: { version: 3 } },
			{ action: 'code_sent', data: { version: 3, codeId: 'c0de', expiresAt: '2026-12-02T09:40:00.000Z' } },
			{
				action: 'signed',
				data: { version: 3, party: 'creator', signatureId: 's', fullName: 'Nour', documentSha256: SHA, consentSha256: SHA, consentLang: 'ar', ip: '', userAgent: '' }
			},
			{ action: 'completed', data: { version: 3, documentSha256: SHA } },
			{ action: 'voided', data: { version: 3, reason: 'account_erased' } },
			{ action: 'reopened', data: { fromVersion: 3, version: 4, documentSha256: SHA, note: '' } },
			{ action: 'downloaded', data: { version: 4, lang: 'fr' } },
			{ action: 'downloaded', data: { version: 4, lang: 'en', pdfSha256: SHA } }
		];
		for (const e of written) {
			const read = readAuditEventData(e.action, e.data);
			expect(read, e.action).toEqual(e);
			expect(read?.data).toBe(e.data);
		}
	});

	it('refuses an unknown action or data that is not the action’s', () => {
		expect(readAuditEventData('teleported', { version: 1 })).toBeNull();
		expect(readAuditEventData('viewed', { unparsable: '{' })).toBeNull();
		expect(readAuditEventData('voided', { version: 2 })).toBeNull();
		expect(readAuditEventData('signed', { version: 2, party: 'system' })).toBeNull();
		expect(readAuditEventData('created', { version: 0, documentSha256: SHA })).toBeNull();
	});
});
