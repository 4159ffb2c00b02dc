/**
 * Data-subject rights under Law 18-07: export everything held about the caller, and erase
 * or pseudonymise it on request. Signed agreements and ledger entries (later issues) are
 * kept, as the law allows for contractual and accounting records.
 */
import type { CallerContext } from '../context';
import { sourcesOf } from '../domain/application-status';
import { iso, isoOrNull } from '../domain/dates';
import { parseJsonOr } from '../domain/json';
import { KEPT_AFTER_ERASURE, LEGAL_DOCUMENTS, dataStorage } from '../domain/legal';
import { LIMITS } from '../domain/rate-limit-rules';
import { voidUnsignedAgreementsOfCreator } from './agreements';
import { currentBrand } from './accounts';
import { acceptedVersions } from './consents';

async function all<T>(db: D1Database, sql: string, ...binds: unknown[]) {
	return (
		await db
			.prepare(sql)
			.bind(...binds)
			.all<T>()
	).results;
}

/** Screenshots no deliverable's stats point at (those are kept with the signed agreement). */
const UNREFERENCED_SHOT = 'id NOT IN (SELECT screenshot_id FROM deliverable_stats WHERE screenshot_id IS NOT NULL)';
/** Everything about the user, as JSON-ready data. Never includes password or token hashes. */
export async function exportPersonalData(ctx: CallerContext) {
	const { db, now, user } = ctx;
	const account = await db
		.prepare('SELECT id, email, name, role, locale, created_at, password_changed_at, totp_enabled_at FROM users WHERE id = ?1')
		.bind(user.id)
		.first<{ id: string; email: string; name: string; role: string; locale: string; created_at: number; password_changed_at: number | null; totp_enabled_at: number | null }>();
	const sessions = await all<{ created_at: number; last_seen_at: number; ip: string | null; user_agent: string | null }>(
		db,
		'SELECT created_at, last_seen_at, ip, user_agent FROM sessions WHERE user_id = ?1 ORDER BY created_at',
		user.id
	);
	const memberships = await all<{ brand_id: string; name: string; role: string; created_at: number }>(
		db,
		'SELECT m.brand_id, b.name, m.role, m.created_at FROM brand_members m JOIN brands b ON b.id = m.brand_id WHERE m.user_id = ?1',
		user.id
	);
	const invitationsSent = await all<{ email: string; created_at: number; accepted_at: number | null }>(
		db,
		'SELECT email, created_at, accepted_at FROM brand_invitations WHERE invited_by = ?1',
		user.id
	);
	const invitationsReceived = await all<{ id: string; brand_name: string; created_at: number; expires_at: number; accepted_at: number | null; declined_at: number | null; revoked_at: number | null }>(
		db,
		`SELECT i.id, b.name AS brand_name, i.created_at, i.expires_at, i.accepted_at, i.declined_at, i.revoked_at
		 FROM brand_invitations i JOIN brands b ON b.id = i.brand_id WHERE i.email = ?1 OR i.accepted_by = ?2 ORDER BY i.created_at`,
		user.email,
		user.id
	);
	const creator = await db.prepare('SELECT * FROM creators WHERE user_id = ?1').bind(user.id).first<Record<string, unknown> & { id: string }>();
	let creatorData = null;
	if (creator) {
		creatorData = {
			profile: creator,
			accounts: await all(db, 'SELECT platform, handle, followers FROM creator_accounts WHERE creator_id = ?1', creator.id),
			followerHistory: await all(db, 'SELECT platform, date, followers FROM follower_points WHERE creator_id = ?1 ORDER BY date', creator.id),
			posts: await all(db, 'SELECT * FROM posts WHERE creator_id = ?1 ORDER BY posted_at', creator.id),
			applications: await all(db, 'SELECT id, campaign_id, pitch, fee_dzd, formats, status, created_at FROM applications WHERE creator_id = ?1', creator.id),
			campaignInvitations: await all(db, 'SELECT id, campaign_id, created_at FROM campaign_invitations WHERE creator_id = ?1 ORDER BY created_at', creator.id),
			features: await db.prepare('SELECT * FROM creator_features WHERE creator_id = ?1').bind(creator.id).first(),
			riskFlags: (await db.prepare('SELECT * FROM creator_risk_flags WHERE creator_id = ?1').bind(creator.id).all()).results,
			trackRecord: await db.prepare('SELECT * FROM creator_track_records WHERE creator_id = ?1').bind(creator.id).first(),
			// Screenshot metadata; the images themselves are downloadable from /creators/me/screenshots/:id.
			statsScreenshots: (
				await all<{ id: string; content_type: string; size: number; note: string; created_at: number }>(
					db,
					'SELECT id, content_type, size, note, created_at FROM stats_screenshots WHERE creator_id = ?1 ORDER BY created_at',
					creator.id
				)
			).map((s) => ({ ...s, created_at: iso(s.created_at), download: `/api/v1/creators/me/screenshots/${s.id}` })),
			// The deliverables of their signed agreements: drafts (files downloadable from the deliverable's page), posts and stats.
			deliverables: await all(
				db,
				`SELECT d.id, d.agreement_id, d.platform, d.format, d.status, d.post_url, d.published_at, d.disclosure, d.highlight_hours,
				   (SELECT json_group_array(json_object('version', s.version, 'note', s.note, 'fileName', s.file_name, 'fileType', s.file_type, 'fileSize', s.file_size, 'createdAt', s.created_at))
				      FROM deliverable_submissions s WHERE s.deliverable_id = d.id) AS submissions,
				   (SELECT json_group_array(json_object('window', t.window, 'views', t.views, 'reach', t.reach, 'likes', t.likes, 'comments', t.comments, 'saves', t.saves, 'shares', t.shares, 'replies', t.replies, 'linkClicks', t.link_clicks, 'status', t.status))
				      FROM deliverable_stats t WHERE t.deliverable_id = d.id) AS stats
				 FROM deliverables d WHERE d.creator_id = ?1 ORDER BY d.agreement_id, d.seq`,
				creator.id
			)
		};
	}
	const deliverableMessages = await all<{ deliverable_id: string; kind: string; body: string; created_at: number }>(
		db,
		'SELECT deliverable_id, kind, body, created_at FROM deliverable_messages WHERE author_user_id = ?1 ORDER BY created_at',
		user.id
	);
	const messages = await all<{ application_id: string; body: string; created_at: number }>(
		db,
		'SELECT application_id, body, created_at FROM application_messages WHERE author_user_id = ?1 ORDER BY created_at',
		user.id
	);
	const notifications = await all<{ kind: string; payload: string; created_at: number; read_at: number | null }>(
		db,
		'SELECT kind, payload, created_at, read_at FROM notifications WHERE user_id = ?1 ORDER BY created_at',
		user.id
	);
	// Passkeys: their names and dates (never the credential id or the public key).
	const passkeys = await all<{ name: string; created_at: number; last_used_at: number | null }>(
		db,
		'SELECT name, created_at, last_used_at FROM passkeys WHERE user_id = ?1 ORDER BY created_at',
		user.id
	);
	return {
		exportedAt: iso(now),
		// The second factor: whether it is on and since when (never the secret or the recovery codes).
		account: account && { ...account, created_at: iso(account.created_at), password_changed_at: isoOrNull(account.password_changed_at), totp_enabled_at: isoOrNull(account.totp_enabled_at) },
		sessions: sessions.map((s) => ({ ...s, created_at: iso(s.created_at), last_seen_at: iso(s.last_seen_at) })),
		passkeys: passkeys.map((p) => ({ ...p, created_at: iso(p.created_at), last_used_at: isoOrNull(p.last_used_at) })),
		brandMemberships: memberships.map((m) => ({ ...m, created_at: iso(m.created_at) })),
		invitationsSent: invitationsSent.map((i) => ({ ...i, created_at: iso(i.created_at), accepted_at: isoOrNull(i.accepted_at) })),
		invitationsReceived: invitationsReceived.map((i) => ({
			...i,
			created_at: iso(i.created_at),
			expires_at: iso(i.expires_at),
			accepted_at: isoOrNull(i.accepted_at),
			declined_at: isoOrNull(i.declined_at),
			revoked_at: isoOrNull(i.revoked_at)
		})),
		currentBrand: user.role === 'brand' ? await currentBrand(ctx, user.id) : null,
		creator: creatorData,
		messagesWritten: messages.map((m) => ({ ...m, created_at: iso(m.created_at) })),
		deliverableMessagesWritten: deliverableMessages.map((m) => ({ ...m, created_at: iso(m.created_at) })),
		notifications: notifications.map((n) => ({ ...n, created_at: iso(n.created_at), read_at: isoOrNull(n.read_at) })),
		// Which terms and privacy notice this person accepted, when, in which language, and how (issue 15, point 6).
		consents: await acceptedVersions(db, user.id),
		legalDocuments: LEGAL_DOCUMENTS,
		// Where all of the above is stored, and what erasure would keep.
		storage: dataStorage({ smtpHost: ctx.env.SMTP_HOST || null }),
		keptAfterErasure: KEPT_AFTER_ERASURE,
		notificationPreferences: (
			await all<{ category: string; channel: string; updated_at: number }>(db, 'SELECT category, channel, updated_at FROM notification_preferences WHERE user_id = ?1', user.id)
		).map((p) => ({ ...p, updated_at: iso(p.updated_at) }))
	};
}

/** A name that may be quoted in others' notifications and emails is replaced by this mark. */
const ERASED = '—';

/**
 * Erases the account (Law 18-07 art. 35). What goes, what stays and why is listed in
 * ARCHITECTURE.md ("Personal data"); in short:
 * - the login identity is pseudonymised (the row stays so that records pointing to it stay
 *   consistent), sessions end, pending invitations to the address and the rate-limit
 *   counters keyed by it are deleted;
 * - a creator's profile content, social accounts, history, posts, features, risk flags and
 *   screenshots (R2 objects first) are deleted, their pitches blanked, their pending
 *   applications withdrawn, and agreements never signed by both parties voided with the
 *   creator's identity blanked in every version of the terms;
 * - what the person wrote to others is blanked where others can read it: message bodies,
 *   deliverable thread comments, message excerpts in the other side's notifications; their name is replaced by "—" in
 *   notifications and queued emails addressed to the people they dealt with; emails
 *   addressed to them are deleted;
 * - kept, for legal retention: agreements signed by both parties (terms, signatures with
 *   their evidence, sealed PDFs) and every agreement's audit trail, whose events are
 *   hash-chained and would no longer verify if rewritten (Law 15-04 evidence of
 *   signature; commercial records); brand organisations, which belong to the company;
 *   the user's consents (`user_consents`: which terms and privacy notice versions, when),
 *   the proof that past processing had a basis, tied to the pseudonymised row.
 */
export async function erasePersonalData(ctx: CallerContext) {
	const { db, now, user } = ctx;
	const creator = await db.prepare('SELECT id, display_name, handle FROM creators WHERE user_id = ?1').bind(user.id).first<{ id: string; display_name: string; handle: string }>();
	// Agreements are voided first (each in its own chained batch); the rest goes in one batch below.
	if (creator) await voidUnsignedAgreementsOfCreator(ctx, { creatorId: creator.id });

	const names = [...new Set([user.name, creator?.display_name, creator?.handle].filter((n): n is string => !!n && n.trim().length >= 2 && n !== ERASED))];
	const quotedExcerpts = await excerptsQuotingMessagesOf(db, user.id);
	const stmts: D1PreparedStatement[] = [
		// Notifications that quote what this person wrote, in the other side's inbox.
		...quotedExcerpts.map((id) => db.prepare("UPDATE notifications SET payload = json_replace(payload, '$.excerpt', ?2) WHERE id = ?1").bind(id, ERASED)),
		// The other party keeps the thread, but not what the erased person wrote in it.
		db.prepare('UPDATE application_messages SET body = ?2 WHERE author_user_id = ?1').bind(user.id, ERASED),
		// Comments in a deliverable's thread, like application messages; drafts, posts and stats are the agreement's work and stay with it.
		db.prepare('UPDATE deliverable_messages SET body = ?2 WHERE author_user_id = ?1').bind(user.id, ERASED),
		db.prepare('DELETE FROM notifications WHERE user_id = ?1').bind(user.id),
		db.prepare('DELETE FROM notification_preferences WHERE user_id = ?1').bind(user.id),
		// Emails to them go; emails to the people they dealt with lose their name.
		db.prepare('DELETE FROM outbox WHERE to_email = ?1').bind(user.email),
		...names.map((name) =>
			db
				.prepare(
					`UPDATE outbox SET subject = replace(subject, ?1, ?2), text = replace(text, ?1, ?2)
					 WHERE to_email IN (${COUNTERPARTS_SQL}) AND (instr(subject, ?1) > 0 OR instr(text, ?1) > 0)`
				)
				.bind(name, ERASED, user.id)
		),
		db.prepare('DELETE FROM brand_invitations WHERE email = ?1 AND accepted_at IS NULL').bind(user.email),
		db
			.prepare('DELETE FROM rate_limits WHERE key IN (?1, ?2, ?3)')
			.bind(`${LIMITS.loginAccount.name}:${user.email}`, `${LIMITS.registerAccount.name}:${user.email}`, `${LIMITS.passwordResetAccount.name}:${user.email}`),
		// An emailed reset link must not bring the erased login back.
		db.prepare('DELETE FROM password_resets WHERE user_id = ?1').bind(user.id),
		db.prepare('DELETE FROM email_changes WHERE user_id = ?1').bind(user.id),
		// The second factor goes with the login: recovery codes, pending logins, passkeys and their challenges.
		db.prepare('DELETE FROM recovery_codes WHERE user_id = ?1').bind(user.id),
		db.prepare('DELETE FROM login_challenges WHERE user_id = ?1').bind(user.id),
		db.prepare('DELETE FROM passkeys WHERE user_id = ?1').bind(user.id),
		db.prepare('DELETE FROM webauthn_challenges WHERE user_id = ?1').bind(user.id),
		db.prepare('DELETE FROM brand_members WHERE user_id = ?1 AND role = ?2').bind(user.id, 'member'),
		db
			.prepare(
				`UPDATE users SET email = ?2, name = ?4, password_hash = NULL, password_changed_at = ?3, current_brand_id = NULL,
				 totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, totp_pending_secret = NULL, totp_pending_at = NULL WHERE id = ?1`
			)
			.bind(user.id, `deleted-${user.id}@deleted.invalid`, now, ERASED),
		db.prepare('DELETE FROM sessions WHERE user_id = ?1').bind(user.id)
	];
	if (creator) {
		const handle = `deleted.${creator.id}`;
		// Stats screenshots: the R2 objects go first, so no row is left pointing at nothing.
		// A screenshot behind a deliverable's stats is evidence of a signed agreement's performance: kept with it, like the agreement.
		const shots = await all<{ r2_key: string }>(db, `SELECT r2_key FROM stats_screenshots WHERE creator_id = ?1 AND ${UNREFERENCED_SHOT}`, creator.id);
		if (shots.length > 0) await ctx.files.delete(shots.map((s) => s.r2_key));
		stmts.push(
			db
				.prepare(
					`UPDATE notifications SET payload = json_replace(payload, '$.creatorName', ?2)
					 WHERE json_extract(payload, '$.applicationId') IN (SELECT id FROM applications WHERE creator_id = ?1)`
				)
				.bind(creator.id, ERASED),
			db.prepare('UPDATE applications SET pitch = ?2 WHERE creator_id = ?1').bind(creator.id, ERASED),
			db
				.prepare(
					`UPDATE applications SET status = 'withdrawn', updated_at = ?2 WHERE creator_id = ?1 AND status IN (${sourcesOf('withdraw')
						.map((s) => `'${s}'`)
						.join(', ')})`
				)
				.bind(creator.id, now),
			...['agreements', 'agreement_versions'].map((table) =>
				db
					.prepare(
						`UPDATE ${table} SET terms = json_replace(terms, '$.parties.creator.displayName', ?2, '$.parties.creator.handle', ?3,
						   '$.parties.creator.legalName', '', '$.parties.creator.rcNumber', NULL, '$.parties.creator.nif', NULL,
						   '$.parties.creator.autoEntrepreneurCard', NULL)
						 WHERE ${table === 'agreements' ? 'id' : 'agreement_id'} IN (SELECT id FROM agreements WHERE creator_id = ?1 AND status <> 'signed') AND json_valid(terms)`
					)
					.bind(creator.id, ERASED, handle)
			),
			db.prepare(`DELETE FROM stats_screenshots WHERE creator_id = ?1 AND ${UNREFERENCED_SHOT}`).bind(creator.id),
			// The brand's deliverable notices named the creator.
			db
				.prepare(
					`UPDATE notifications SET payload = json_replace(payload, '$.actorName', ?2)
					 WHERE kind = 'deliverable_update' AND user_id <> ?3 AND json_extract(payload, '$.agreementId') IN (SELECT id FROM agreements WHERE creator_id = ?1)`
				)
				.bind(creator.id, ERASED, user.id),
			db.prepare('DELETE FROM creator_features WHERE creator_id = ?1').bind(creator.id),
			db.prepare('DELETE FROM creator_risk_flags WHERE creator_id = ?1').bind(creator.id),
			db.prepare('DELETE FROM creator_track_records WHERE creator_id = ?1').bind(creator.id),
			db.prepare('DELETE FROM post_comments WHERE post_id IN (SELECT id FROM posts WHERE creator_id = ?1)').bind(creator.id),
			db.prepare('DELETE FROM posts WHERE creator_id = ?1').bind(creator.id),
			db.prepare('DELETE FROM follower_points WHERE creator_id = ?1').bind(creator.id),
			db.prepare('DELETE FROM creator_accounts WHERE creator_id = ?1').bind(creator.id),
			db
				.prepare(
					"UPDATE creators SET display_name = ?4, handle = ?2, bio = '', niches = '[]', languages = '[]', rates = '{}', audience = '{}', phone = NULL, payout_rip = NULL, legal_name = NULL, legal_rc_number = NULL, legal_nif = NULL, legal_auto_entrepreneur_card = NULL, rates_public = 0, followers_total = 0, updated_at = ?3 WHERE id = ?1"
				)
				.bind(creator.id, handle, now, ERASED)
		);
	}
	await db.batch(stmts);
}

/**
 * Emails of the people the user dealt with (bound as ?3): the members of brands they
 * applied to as a creator, the creators who applied to their brands' campaigns, and the
 * people they invited. Only their mail is searched for the erased name, so a namesake
 * elsewhere keeps theirs.
 */
const COUNTERPARTS_SQL = `
	SELECT u.email FROM users u JOIN brand_members m ON m.user_id = u.id
	  JOIN campaigns c ON c.brand_id = m.brand_id JOIN applications a ON a.campaign_id = c.id
	  JOIN creators cr ON cr.id = a.creator_id WHERE cr.user_id = ?3
	UNION SELECT u.email FROM users u JOIN creators cr ON cr.user_id = u.id JOIN applications a ON a.creator_id = cr.id
	  JOIN campaigns c ON c.id = a.campaign_id JOIN brand_members m ON m.brand_id = c.brand_id WHERE m.user_id = ?3
	UNION SELECT email FROM brand_invitations WHERE invited_by = ?3`;

/**
 * Ids of the other side's message_received notifications that quote a message by this
 * user: by the message id they carry, or (older rows) by the same thread and excerpt.
 */
async function excerptsQuotingMessagesOf(db: D1Database, userId: string): Promise<string[]> {
	const messages = await all<{ id: string; application_id: string; body: string }>(db, 'SELECT id, application_id, body FROM application_messages WHERE author_user_id = ?1', userId);
	if (messages.length === 0) return [];
	const ids = new Set(messages.map((m) => m.id));
	const excerpts = new Set(messages.map((m) => `${m.application_id}\u0000${m.body.slice(0, 120)}`));
	const candidates = await all<{ id: string; payload: string }>(
		db,
		`SELECT n.id, n.payload FROM notifications n WHERE n.kind = 'message_received' AND n.user_id <> ?1
		   AND json_extract(n.payload, '$.applicationId') IN (SELECT application_id FROM application_messages WHERE author_user_id = ?1)`,
		userId
	);
	return candidates
		.filter((n) => {
			const p = parseJsonOr<Record<string, unknown>>(n.payload, {});
			if (typeof p.messageId === 'string') return ids.has(p.messageId);
			return excerpts.has(`${String(p.applicationId)}\u0000${String(p.excerpt ?? '')}`);
		})
		.map((n) => n.id);
}
