// ESLint (flat config): typescript-eslint and eslint-plugin-svelte recommended rules, plus
// the layering rule that keeps worker/domain pure (no services, Hono, D1 or bindings).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './web/svelte.config.js';

export default ts.config(
	{
		ignores: ['node_modules/', 'web/.svelte-kit/', 'web/build/', '.wrangler/', '.state/', 'bench/out/', 'test/e2e/screenshots/', 'db/migrations/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.serviceworker } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// Control characters in patterns are deliberate here (text rules, header checks, safe paths).
			'no-control-regex': 'off',
			// The app has no `paths.base`: a plain href is the resolved route.
			'svelte/no-navigation-without-resolve': 'off',
			// URLSearchParams is only used to build hrefs in plain functions, never as reactive state.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		// The domain is plain TypeScript: no I/O, no framework, no bindings (ARCHITECTURE.md).
		files: ['worker/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['**/services/**', '../services', '../services/*'], message: 'worker/domain is pure: services call the domain, never the reverse.' },
						{ group: ['**/routes/**', '**/middleware', '**/app', '**/route'], message: 'worker/domain is pure: no routes or middleware.' },
						{ group: ['hono', 'hono/*', '@hono/*'], message: 'worker/domain is pure: no Hono.' },
						{ group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema/**'], message: 'worker/domain is pure: no database.' },
						{ group: ['cloudflare:*', '**/env'], message: 'worker/domain is pure: no Worker bindings or runtime modules.' },
						{ group: ['**/jobs/**'], message: 'worker/domain is pure: no jobs.' }
					]
				}
			]
		}
	}
);
