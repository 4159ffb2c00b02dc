/** Acceptances of the terms and privacy notice (issue 15, point 6): written at sign-up, read by /me/consent and the export. */
import type { CallerContext } from '../context';
import { iso } from '../domain/dates';
import { type AcceptedVersion, type ConsentSource, type LegalDocumentKind, LEGAL_DOCUMENTS, LEGAL_DOCUMENT_KINDS, consentStatus } from '../domain/legal';
import type { Locale } from '../env';

/** The rows recording that `userId` accepted the current version of every document, to run in the sign-up's batch. */
export function acceptCurrentVersionsStatements(db: D1Database, input: { userId: string; at: number; locale: Locale; source: ConsentSource }): D1PreparedStatement[] {
	return LEGAL_DOCUMENT_KINDS.map((document) =>
		db
			.prepare('INSERT OR IGNORE INTO user_consents (user_id, document, version, accepted_at, locale, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
			.bind(input.userId, document, LEGAL_DOCUMENTS[document].version, input.at, input.locale, input.source)
	);
}

/** Every acceptance of the user, oldest first. */
export async function acceptedVersions(db: D1Database, userId: string): Promise<AcceptedVersion[]> {
	const { results } = await db
		.prepare('SELECT document, version, accepted_at, locale, source FROM user_consents WHERE user_id = ?1 ORDER BY accepted_at, document')
		.bind(userId)
		.all<{ document: LegalDocumentKind; version: string; accepted_at: number; locale: string; source: ConsentSource }>();
	return results.map((r) => ({ document: r.document, version: r.version, acceptedAt: iso(r.accepted_at), locale: r.locale, source: r.source }));
}

/** The caller's acceptances next to the current versions: what `GET /me/consent` answers. */
export async function describeConsent(ctx: CallerContext) {
	const accepted = await acceptedVersions(ctx.db, ctx.user.id);
	return { documents: consentStatus(accepted), accepted };
}
