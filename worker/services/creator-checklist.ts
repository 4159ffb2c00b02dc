/** The creator's first steps, read from what the account really holds (issue 14, point 1). */
import type { CallerContext } from '../context';
import { AppError } from '../errors';
import { type Checklist, type ChecklistFacts, creatorChecklist } from '../domain/creator-checklist';
import { jsonObjectOr, jsonStrings } from '../domain/json';

interface FactsRow {
	id: string;
	handle: string;
	display_name: string;
	wilaya: string | null;
	niches: string;
	rates: string;
	accounts: number;
	posts: number;
	applications: number;
}

/** GET /me/checklist: one read of the creator's profile and counts, then the pure checklist. */
export async function getCreatorChecklist(ctx: CallerContext): Promise<Checklist> {
	const { db, user } = ctx;
	const [facts, agreements] = await db.batch([
		db
			.prepare(
				`SELECT c.id, c.handle, c.display_name, c.wilaya, c.niches, c.rates,
				   (SELECT count(*) FROM creator_accounts a WHERE a.creator_id = c.id) AS accounts,
				   (SELECT count(*) FROM posts p WHERE p.creator_id = c.id) AS posts,
				   (SELECT count(*) FROM applications ap WHERE ap.creator_id = c.id) AS applications
				 FROM creators c WHERE c.user_id = ?1`
			)
			.bind(user.id),
		db
			.prepare(
				`SELECT g.id, g.status,
				   EXISTS (SELECT 1 FROM agreement_signatures s WHERE s.agreement_id = g.id AND s.version = g.version AND s.party = 'creator') AS creator_signed
				 FROM agreements g JOIN creators c ON c.id = g.creator_id
				 WHERE c.user_id = ?1 AND g.status <> 'void' ORDER BY g.updated_at DESC, g.id LIMIT 50`
			)
			.bind(user.id)
	]);
	const row = facts.results[0] as FactsRow | undefined;
	// A creator account always has its profile row; its absence is a lost account, as any unknown object.
	if (!row) throw new AppError('not_found');
	const rates = jsonObjectOr<Record<string, unknown>>(row.rates, {});
	const input: ChecklistFacts = {
		handle: row.handle,
		displayName: row.display_name,
		wilaya: row.wilaya,
		niches: jsonStrings(row.niches).length,
		accounts: row.accounts,
		posts: row.posts,
		pricedFormats: Object.values(rates).filter((n) => typeof n === 'number' && n > 0).length,
		applications: row.applications,
		agreements: (agreements.results as { id: string; status: ChecklistFacts['agreements'][number]['status']; creator_signed: number }[]).map((a) => ({
			id: a.id,
			status: a.status,
			creatorSigned: a.creator_signed === 1
		}))
	};
	return creatorChecklist(input);
}
