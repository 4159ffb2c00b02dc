/** Reading JSON columns that should hold an object or an array. */

/**
 * The parsed value when `text` is JSON for an object or an array, else `fallback` (empty,
 * malformed or a bare scalar): a damaged stored value reads as "nothing", never throws.
 */
export function parseJsonOr<T>(text: string | null | undefined, fallback: T): T {
	if (!text) return fallback;
	try {
		const value = JSON.parse(text) as unknown;
		return value !== null && typeof value === 'object' ? (value as T) : fallback;
	} catch {
		return fallback;
	}
}
