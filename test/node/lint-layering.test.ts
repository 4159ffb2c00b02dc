/**
 * The layering rule of eslint.config.js, run through ESLint's own API on probe files: a
 * module in worker/domain that imports a service, Hono, the database, a binding type or a
 * runtime module is refused, and the same import outside worker/domain is not.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function restricted(file: string, source: string): Promise<string[]> {
	const [result] = await eslint.lintText(source, { filePath: file });
	return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('worker/domain stays pure', () => {
	it.each([
		["import { currentBrand } from '../services/accounts';", 'services'],
		["import { Hono } from 'hono';", 'Hono'],
		["import { eq } from 'drizzle-orm';", 'database'],
		["import type { Env } from '../env';", 'bindings'],
		["import { env } from 'cloudflare:workers';", 'bindings'],
		["import { route } from '../route';", 'routes']
	])('refuses %s', async (line, what) => {
		const messages = await restricted('worker/domain/probe.ts', `${line}\nexport const x = 1;\n`);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toContain(what);
	});

	it('allows pure imports in the domain, and services may import anything', async () => {
		expect(await restricted('worker/domain/probe.ts', "import * as v from 'valibot';\nimport { NICHES } from './taxonomy';\nexport const x = [v, NICHES];\n")).toEqual([]);
		expect(await restricted('worker/services/probe.ts', "import { Hono } from 'hono';\nimport { matchScore } from '../domain/matching';\nexport const x = [Hono, matchScore];\n")).toEqual([]);
	});
});
