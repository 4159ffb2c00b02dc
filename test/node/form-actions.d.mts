/** Types of form-actions.mjs (plain ESM so the browser tests run it without a TypeScript loader). */
export declare const WEB_SRC: string;
export declare const ROUTES: string;
export interface FormAction {
	/** The +page.server.ts, relative to web/src/routes. */
	file: string;
	/** The route id, groups dropped: `/campaigns/[id]/edit`. */
	route: string;
	name: string;
	/** `route` and `?/name` (nothing for `default`). */
	key: string;
	/** The path to post to, `[param]`s filled. */
	url: string;
}
export declare function actionsOfFile(file: string): string[];
export declare function formActions(params?: Record<string, string>): FormAction[];
