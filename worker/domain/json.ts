/**
 * Reading JSON columns (lists, objects) written by the app. A damaged cell — malformed, or
 * not the shape the column holds — reads as "nothing", never throws: a bad row shows as
 * empty, never as a 500.
 */

/**
 * The parsed value when `text` is JSON for an object or an array, else `fallback` (empty,
 * malformed or a bare scalar).
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

/** A JSON array column; [] when the cell holds anything else. */
export function jsonArray<T = unknown>(text: string | null | undefined): T[] {
	const value = parseJsonOr<unknown>(text, []);
	return Array.isArray(value) ? (value as T[]) : [];
}

/** A JSON array of strings (formats, wilaya codes, niches…); [] when the cell holds anything else. */
export function jsonStrings<T extends string = string>(text: string | null | undefined): T[] {
	const value = jsonArray(text);
	return value.every((s) => typeof s === 'string') ? (value as T[]) : [];
}

/** A JSON object column (not an array); null when the cell holds anything else. */
export function jsonObjectOrNull<T extends object = Record<string, unknown>>(text: string | null | undefined): T | null {
	const value = parseJsonOr<unknown>(text, null);
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as T) : null;
}

/** A JSON object column (not an array); `fallback` when the cell holds anything else. */
export function jsonObjectOr<T extends object = Record<string, unknown>>(text: string | null | undefined, fallback: T): T {
	return jsonObjectOrNull<T>(text) ?? fallback;
}
