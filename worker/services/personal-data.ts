/**
 * Data-subject rights under Law 18-07: export everything held about the caller, and erase
 * or pseudonymise it on request. Signed agreements and ledger entries (later issues) are
 * kept, as the law allows for contractual and accounting records.
 */
import type { SessionUser } from '../env';
import { currentBrand } from './accounts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function all<T>(d1: D1Database, sql: string, ...binds: unknown[]) {
	return (await d1.prepare(sql).bind(...binds).all<T>()).results;
}

/** Everything about the user, as JSON-ready data. Never includes password or token hashes. */
export async function exportPersonalData(d1: D1Database, user: SessionUser, now: number) {
	const account = await d1
		.prepare('SELECT id, email, name, role, locale, created_at, password_changed_at FROM users WHERE id = ?1')
		.bind(user.id)
		.first<{ id: string; email: string; name: string; role: string; locale: string; created_at: number; password_changed_at: number | null }>();
	const sessions = await all<{ created_at: number; last_seen_at: number; ip: string | null; user_agent: string | null }>(
		d1,
		'SELECT created_at, last_seen_at, ip, user_agent FROM sessions WHERE user_id = ?1 ORDER BY created_at',
		user.id
	);
	const memberships = await all<{ brand_id: string; name: string; role: string; created_at: number }>(
		d1,
		'SELECT m.brand_id, b.name, m.role, m.created_at FROM brand_members m JOIN brands b ON b.id = m.brand_id WHERE m.user_id = ?1',
		user.id
	);
	const invitationsSent = await all<{ email: string; created_at: number; accepted_at: number | null }>(
		d1,
		'SELECT email, created_at, accepted_at FROM brand_invitations WHERE invited_by = ?1',
		user.id
	);
	const invitationsReceived = await all<{ id: string; brand_name: string; created_at: number; expires_at: number; accepted_at: number | null; declined_at: number | null; revoked_at: number | null }>(
		d1,
		`SELECT i.id, b.name AS brand_name, i.created_at, i.expires_at, i.accepted_at, i.declined_at, i.revoked_at
		 FROM brand_invitations i JOIN brands b ON b.id = i.brand_id WHERE i.email = ?1 OR i.accepted_by = ?2 ORDER BY i.created_at`,
		user.email,
		user.id
	);
	const creator = await d1.prepare('SELECT * FROM creators WHERE user_id = ?1').bind(user.id).first<Record<string, unknown> & { id: string }>();
	let creatorData = null;
	if (creator) {
		creatorData = {
			profile: creator,
			accounts: await all(d1, 'SELECT platform, handle, followers FROM creator_accounts WHERE creator_id = ?1', creator.id),
			followerHistory: await all(d1, 'SELECT platform, date, followers FROM follower_points WHERE creator_id = ?1 ORDER BY date', creator.id),
			posts: await all(d1, 'SELECT * FROM posts WHERE creator_id = ?1 ORDER BY posted_at', creator.id),
			applications: await all(d1, 'SELECT id, campaign_id, pitch, fee_dzd, formats, status, created_at FROM applications WHERE creator_id = ?1', creator.id),
			features: await d1.prepare('SELECT * FROM creator_features WHERE creator_id = ?1').bind(creator.id).first(),
			riskFlags: (await d1.prepare('SELECT * FROM creator_risk_flags WHERE creator_id = ?1').bind(creator.id).all()).results,
			// Screenshot metadata; the images themselves are downloadable from /creators/me/screenshots/:id.
			statsScreenshots: (
				await all<{ id: string; content_type: string; size: number; note: string; created_at: number }>(
					d1,
					'SELECT id, content_type, size, note, created_at FROM stats_screenshots WHERE creator_id = ?1 ORDER BY created_at',
					creator.id
				)
			).map((s) => ({ ...s, created_at: iso(s.created_at), download: `/api/v1/creators/me/screenshots/${s.id}` }))
		};
	}
	const messages = await all<{ application_id: string; body: string; created_at: number }>(
		d1,
		'SELECT application_id, body, created_at FROM application_messages WHERE author_user_id = ?1 ORDER BY created_at',
		user.id
	);
	const notifications = await all<{ kind: string; payload: string; created_at: number; read_at: number | null }>(
		d1,
		'SELECT kind, payload, created_at, read_at FROM notifications WHERE user_id = ?1 ORDER BY created_at',
		user.id
	);
	return {
		exportedAt: iso(now),
		account: account && { ...account, created_at: iso(account.created_at), password_changed_at: iso(account.password_changed_at) },
		sessions: sessions.map((s) => ({ ...s, created_at: iso(s.created_at), last_seen_at: iso(s.last_seen_at) })),
		brandMemberships: memberships.map((m) => ({ ...m, created_at: iso(m.created_at) })),
		invitationsSent: invitationsSent.map((i) => ({ ...i, created_at: iso(i.created_at), accepted_at: iso(i.accepted_at) })),
		invitationsReceived: invitationsReceived.map((i) => ({
			...i,
			created_at: iso(i.created_at),
			expires_at: iso(i.expires_at),
			accepted_at: iso(i.accepted_at),
			declined_at: iso(i.declined_at),
			revoked_at: iso(i.revoked_at)
		})),
		currentBrand: user.role === 'brand' ? await currentBrand(d1, user.id) : null,
		creator: creatorData,
		messagesWritten: messages.map((m) => ({ ...m, created_at: iso(m.created_at) })),
		notifications: notifications.map((n) => ({ ...n, created_at: iso(n.created_at), read_at: iso(n.read_at) }))
	};
}

/**
 * Erases the account: the login identity is pseudonymised (the row stays so that records
 * pointing to it stay consistent), sessions end, and a creator's profile content, social
 * accounts, history and posts are deleted, notifications dropped and the bodies of their
 * messages blanked. Brand organisations belong to the company and stay.
 */
export async function erasePersonalData(d1: D1Database, user: SessionUser, now: number, files?: R2Bucket) {
	const creator = await d1.prepare('SELECT id FROM creators WHERE user_id = ?1').bind(user.id).first<{ id: string }>();
	const stmts = [
		d1
			.prepare("UPDATE users SET email = ?2, name = '—', password_hash = NULL, password_changed_at = ?3 WHERE id = ?1")
			.bind(user.id, `deleted-${user.id}@deleted.invalid`, now),
		d1.prepare('DELETE FROM sessions WHERE user_id = ?1').bind(user.id),
		d1.prepare('DELETE FROM brand_invitations WHERE email = ?1 AND accepted_at IS NULL').bind(user.email),
		d1.prepare('DELETE FROM notifications WHERE user_id = ?1').bind(user.id),
		// The other party keeps the thread, but not what the erased person wrote in it.
		d1.prepare("UPDATE application_messages SET body = '—' WHERE author_user_id = ?1").bind(user.id)
	];
	if (creator) {
		// Stats screenshots: the R2 objects go first, so no row is left pointing at nothing.
		const shots = await all<{ r2_key: string }>(d1, 'SELECT r2_key FROM stats_screenshots WHERE creator_id = ?1', creator.id);
		if (files && shots.length > 0) await files.delete(shots.map((s) => s.r2_key));
		stmts.push(
			d1.prepare('DELETE FROM stats_screenshots WHERE creator_id = ?1').bind(creator.id),
			d1.prepare('DELETE FROM creator_features WHERE creator_id = ?1').bind(creator.id),
			d1.prepare('DELETE FROM creator_risk_flags WHERE creator_id = ?1').bind(creator.id),
			d1.prepare('DELETE FROM post_comments WHERE post_id IN (SELECT id FROM posts WHERE creator_id = ?1)').bind(creator.id),
			d1.prepare('DELETE FROM posts WHERE creator_id = ?1').bind(creator.id),
			d1.prepare('DELETE FROM follower_points WHERE creator_id = ?1').bind(creator.id),
			d1.prepare('DELETE FROM creator_accounts WHERE creator_id = ?1').bind(creator.id),
			d1
				.prepare(
					"UPDATE creators SET display_name = '—', handle = ?2, bio = '', niches = '[]', languages = '[]', rates = '{}', audience = '{}', phone = NULL, payout_rip = NULL, rates_public = 0, followers_total = 0, updated_at = ?3 WHERE id = ?1"
				)
				.bind(creator.id, `deleted.${creator.id}`, now)
		);
	}
	await d1.batch(stmts);
}
