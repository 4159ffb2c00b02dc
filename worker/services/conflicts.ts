/**
 * Writes that lose a race. D1 refuses a row whose unique index or primary key is taken (an
 * email, an application per campaign, the next seq of an audit chain); the services turn
 * that refusal into a clear 409, or re-run the operation from fresh reads.
 */
import type { AppError } from '../errors';

/** Whether a D1 error is a UNIQUE or PRIMARY KEY violation (the message, or its cause, says so). */
export function isUniqueViolation(err: unknown): boolean {
	const text = err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? '')}` : String(err);
	return /UNIQUE constraint failed|SQLITE_CONSTRAINT_PRIMARYKEY/i.test(text);
}

/**
 * Runs a read-check-write operation; if its batch lost a race (a unique violation), runs it
 * again from fresh reads, up to `attempts` times in all, with a small random pause so racers
 * spread out. The last loss throws `lost()` (a 409 the client can retry); any other error
 * goes through unchanged.
 */
export async function retryOnConflict<T>(op: () => Promise<T>, opts: { attempts: number; lost: () => AppError }): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await op();
		} catch (err) {
			if (!isUniqueViolation(err)) throw err;
			if (attempt >= opts.attempts) throw opts.lost();
		}
		await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));
	}
}
