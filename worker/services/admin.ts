/** Admin accounts are never created through the public API: only by `npm run admin:create`. */
import { normaliseEmail } from '../domain/accounts';

/**
 * SQL that makes `email` an admin with the given password hash: a new user, or an existing
 * one promoted (their password is replaced). Plain SQL so the Node CLI can hand it to
 * `wrangler d1 execute` and tests can run it on D1 directly.
 */
export function adminUpsertSql(rawEmail: string, passwordHash: string, id: string, now: number): string {
	const email = normaliseEmail(rawEmail);
	const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
	return (
		`INSERT INTO users (id, email, name, role, password_hash, locale, created_at) ` +
		`VALUES (${q(id)}, ${q(email)}, 'Admin', 'admin', ${q(passwordHash)}, 'fr', ${Math.trunc(now)}) ` +
		`ON CONFLICT(email) DO UPDATE SET role = 'admin', password_hash = excluded.password_hash, password_changed_at = ${Math.trunc(now)};` +
		` DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ${q(email)});`
	);
}
