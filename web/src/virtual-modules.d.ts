/** Written by scripts/i18n-route-keys.mjs at build time: every UI key once, and per route the indexes of the keys it can show. */
declare module 'virtual:wasla/route-keys' {
	export const keys: readonly string[];
	export const routes: Readonly<Record<string, readonly number[]>>;
	export const fallback: readonly number[];
}
