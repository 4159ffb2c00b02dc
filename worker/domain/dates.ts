/** Instants as the API writes them. Times are stored as epoch milliseconds (UTC). */

/** Epoch ms as ISO 8601 in UTC with milliseconds: 2026-12-02T09:30:15.250Z. */
export function iso(ms: number): string {
	return new Date(ms).toISOString();
}

/** The same, keeping null for what has not happened (sentAt, closedAt, readAt…). */
export function isoOrNull(ms: number | null): string | null {
	return ms === null ? null : iso(ms);
}
