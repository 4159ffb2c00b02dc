/**
 * The form-action half of the isolation matrix (issue 15, point 1): every action of every
 * +page.server.ts, read by test/node/form-actions.mjs, has an entry in test/e2e/action-matrix.mjs
 * (which test/e2e/action-matrix.e2e.mjs posts as a guest and as another tenant), and the reader
 * finds actions in every shape the app writes them: methods, properties, shorthands, spreads of
 * imported and local objects, and an object named outright.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsOfFile, formActions } from './form-actions.mjs';
import { ACTIONS } from '../e2e/action-matrix.mjs';

describe('form actions in the isolation matrix', () => {
	const actions = formActions();

	it('has an entry for every form action, and none for an action that is gone', () => {
		const problems: string[] = [];
		for (const a of actions) {
			const entry = ACTIONS[a.key];
			if (!entry) problems.push(`${a.key} (${a.file}): no entry in test/e2e/action-matrix.mjs ACTIONS: say who it is for and which object its page names`);
			else if (entry.as === 'public' && !entry.why) problems.push(`${a.key}: public without a reason (why)`);
			else if (a.route.includes('[id]') && entry.as !== 'public' && !entry.object && !entry.why) problems.push(`${a.key}: names an [id] but its entry gives no object (or why not)`);
		}
		const keys = new Set(actions.map((a) => a.key));
		for (const key of Object.keys(ACTIONS)) if (!keys.has(key)) problems.push(`${key}: in the matrix but no +page.server.ts has this action`);
		expect(problems).toEqual([]);
	});

	it('finds the actions that come from spreads and from an object named outright', () => {
		const keys = actions.map((a) => a.key);
		// { ...draftsActions, ...publicationActions, ...statsActions, ...crisisActions } from $lib/server/deliverables/*.
		for (const name of ['draftSubmit', 'draftReview', 'publication', 'stats', 'statsReview', 'withdrawal', 'withdrawalConfirm']) expect(keys).toContain(`/deliverables/[id]?/${name}`);
		// export const actions: Actions = payoutActions (from $lib/server/payouts).
		for (const name of ['markPaid', 'proof', 'confirm', 'dispute', 'resolve']) expect(keys).toContain(`/agreements/[id]/payouts?/${name}`);
		// One line: { accept: answer('accept'), decline: answer('decline') }.
		expect(keys).toContain('/invitations?/accept');
		expect(keys).toContain('/invitations?/decline');
		expect(actions.length).toBeGreaterThan(70);
	});

	it('reads every shape of an actions object, following local and imported names', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'wasla-actions-'));
		mkdirSync(path.join(dir, 'lib'));
		writeFileSync(path.join(dir, 'lib', 'shared.ts'), "export const shared = { fromLib: async () => 1, 'quoted': async () => 2 };\nexport const renamed = { viaAlias: () => 3 };\n");
		writeFileSync(path.join(dir, 'lib', 'named.ts'), "import { shared } from './shared';\nexport const whole = { ...shared, own() { return 4; } } satisfies Record<string, unknown>;\n");
		const page = path.join(dir, '+page.server.ts');
		writeFileSync(
			page,
			[
				"import { shared } from './lib/shared';",
				"import { renamed as other } from './lib/shared';",
				'const local = { localOne: () => 0 };',
				'const shorthand = async () => 0;',
				'export const load = () => ({});',
				'export const actions = {',
				'\tdefault: async () => {},',
				'\tmethod(event: unknown) { return event; },',
				'\tshorthand,',
				'\t...local,',
				'\t...shared,',
				'\t...(other as Record<string, unknown>)',
				'};'
			].join('\n')
		);
		expect(actionsOfFile(page)).toEqual(['default', 'method', 'shorthand', 'localOne', 'fromLib', 'quoted', 'viaAlias']);
		const named = path.join(dir, 'named.server.ts');
		writeFileSync(named, "import { whole } from './lib/named';\nexport const actions: Record<string, unknown> = whole;\n");
		expect(actionsOfFile(named)).toEqual(['fromLib', 'quoted', 'own']);
		const none = path.join(dir, 'none.server.ts');
		writeFileSync(none, 'export const load = () => ({});\n');
		expect(actionsOfFile(none)).toEqual([]);
		const unknown = path.join(dir, 'unknown.server.ts');
		writeFileSync(unknown, "import { nowhere } from 'some-package';\nexport const actions = { ...nowhere };\n");
		expect(() => actionsOfFile(unknown)).toThrow(/cannot find the actions object nowhere/);
	});
});
