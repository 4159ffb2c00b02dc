/**
 * SQL fixtures that move deliverables along while the drafts and publication routes land in
 * parallel (issue 11). They write what those services write — a submission row (with its
 * file put in R2 through env.FILES), then the status and dates of the deliverable, in the
 * order of the real flow (approved, then published) — so the content library's triggers
 * (db/migrations/0015_content_library.sql) fire exactly as they will on the real writers.
 * Once the routes exist, tests can swap these for API calls without changing what they assert.
 */
import { env } from 'cloudflare:workers';

export const DAY = 86_400_000;

/** Bytes that sniff as a PNG (the signature and a few bytes). */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);

export interface DraftFixture {
	/** The draft's file (put in R2); null for a text-only draft (a script). Default: a small PNG. */
	file?: { bytes: Uint8Array; type: string; name: string } | null;
	note?: string;
	at?: number;
}

/** Adds draft version n+1 of the deliverable (status draft_submitted), as the drafts service would. Returns the submission id and R2 key. */
export async function submitDraft(deliverableId: string, f: DraftFixture = {}) {
	const at = f.at ?? Date.now();
	const row = await env.DB.prepare('SELECT draft_version FROM deliverables WHERE id = ?1').bind(deliverableId).first<{ draft_version: number }>();
	const version = (row?.draft_version ?? 0) + 1;
	const id = crypto.randomUUID();
	const file = f.file === undefined ? { bytes: PNG_BYTES, type: 'image/png', name: `brouillon-v${version}.png` } : f.file;
	const key = file ? `deliverables/${deliverableId}/${id}` : null;
	if (file && key) await env.FILES.put(key, file.bytes, { httpMetadata: { contentType: file.type } });
	const sha = file ? [...new Uint8Array(await crypto.subtle.digest('SHA-256', file.bytes))].map((b) => b.toString(16).padStart(2, '0')).join('') : null;
	await env.DB.batch([
		env.DB.prepare(
			`INSERT INTO deliverable_submissions (id, deliverable_id, version, note, file_key, file_type, file_size, file_sha256, file_name, created_at)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`
		).bind(id, deliverableId, version, f.note ?? '', key, file?.type ?? null, file?.bytes.byteLength ?? null, sha, file?.name ?? null, at),
		env.DB.prepare("UPDATE deliverables SET status = 'draft_submitted', draft_version = ?2, last_submitted_at = ?3, updated_at = ?3 WHERE id = ?1").bind(deliverableId, version, at)
	]);
	return { submissionId: id, key, version };
}

/** The brand's approval of the latest draft, as the review service would write it. */
export async function approve(deliverableId: string, at = Date.now()) {
	await env.DB.prepare("UPDATE deliverables SET status = 'approved', approved_at = ?2, updated_at = ?2 WHERE id = ?1").bind(deliverableId, at).run();
}

/** The creator's record of the post, as the publication service would write it. */
export async function publish(deliverableId: string, publishedAt: number, at = Date.now()) {
	await env.DB.prepare("UPDATE deliverables SET status = 'published', published_at = ?2, post_url = ?3, disclosure = ?4, publication_review = 'pending', updated_at = ?5 WHERE id = ?1")
		.bind(deliverableId, publishedAt, `https://www.instagram.com/reel/${deliverableId.slice(0, 8)}/`, JSON.stringify({ label: true, hashtags: ['#sponsorisé'] }), at)
		.run();
}

/** A draft, its approval and its publication at `publishedAt` (default: an hour ago). */
export async function publishedDeliverable(deliverableId: string, opts: DraftFixture & { publishedAt?: number } = {}) {
	const now = Date.now();
	const draft = await submitDraft(deliverableId, { ...opts, at: now - 3 * DAY });
	await approve(deliverableId, now - 2 * DAY);
	await publish(deliverableId, opts.publishedAt ?? now - 3_600_000);
	return draft;
}

/** Moves an online deliverable to a later online status (stats reported, closed). */
export async function setStatus(deliverableId: string, status: 'stats_d1' | 'stats_d7' | 'done') {
	await env.DB.prepare('UPDATE deliverables SET status = ?2, updated_at = ?3 WHERE id = ?1').bind(deliverableId, status, Date.now()).run();
}
