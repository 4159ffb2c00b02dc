/** Stats screenshots: bytes in R2 (env.FILES), one stats_screenshots row each, visible to their creator only. */
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import type { ImageType } from '../domain/file-types';
import { iso } from '../domain/dates';

/** Largest screenshot, in bytes. */
export const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;

const r2Key = (creatorId: string, id: string) => `screenshots/${creatorId}/${id}`;

/**
 * Stores a screenshot whose type was detected from its bytes and whose size was checked
 * when the request body was read (the `upload` body kind, worker/body.ts).
 */
export async function saveScreenshot(ctx: ServiceContext, input: { creatorId: string; file: { bytes: Uint8Array<ArrayBuffer>; type: ImageType }; note: string }) {
	const { db, files, now } = ctx;
	const { creatorId, file, note } = input;
	const { bytes, type } = file;
	const id = crypto.randomUUID();
	const key = r2Key(creatorId, id);
	await files.put(key, bytes, { httpMetadata: { contentType: type } });
	try {
		await db
			.prepare('INSERT INTO stats_screenshots (id, creator_id, r2_key, content_type, size, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)')
			.bind(id, creatorId, key, type, bytes.byteLength, note, now)
			.run();
	} catch (err) {
		await files.delete(key);
		throw err;
	}
	return { id, contentType: type, size: bytes.byteLength, note, createdAt: iso(now) };
}

export async function listScreenshots(ctx: ServiceContext, input: { creatorId: string }) {
	const { results } = await ctx.db
		.prepare('SELECT id, content_type, size, note, created_at FROM stats_screenshots WHERE creator_id = ?1 ORDER BY created_at DESC, id LIMIT 100')
		.bind(input.creatorId)
		.all<{ id: string; content_type: string; size: number; note: string; created_at: number }>();
	return results.map((s) => ({ id: s.id, contentType: s.content_type, size: s.size, note: s.note, createdAt: iso(s.created_at) }));
}

/** The screenshot's bytes, if it belongs to this creator; otherwise not found. */
export async function readScreenshot(ctx: ServiceContext, input: { creatorId: string; screenshotId: string }) {
	const row = await ctx.db
		.prepare('SELECT r2_key, content_type FROM stats_screenshots WHERE id = ?1 AND creator_id = ?2')
		.bind(input.screenshotId, input.creatorId)
		.first<{ r2_key: string; content_type: string }>();
	if (!row) throw new AppError('not_found');
	const object = await ctx.files.get(row.r2_key);
	if (!object) throw new AppError('not_found');
	return { body: object.body, contentType: row.content_type, size: object.size };
}
