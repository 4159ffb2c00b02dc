// Every SvelteKit form action of the app, read from web/src/routes/**/+page.server.ts with the
// TypeScript parser (not a regex): `export const actions = { a, b: …, c() {…} }`, spreads of
// action objects (`{ ...draftsActions, ...statsActions }`) and an object named outright
// (`export const actions = payoutActions`), followed through this file's declarations and its
// imports ($lib/…, relative). What the isolation matrix (test/node/action-matrix.test.ts,
// test/e2e/action-matrix.e2e.mjs) and the broken-form test (test/e2e/security-headers.e2e.mjs)
// enumerate, so a new action is covered the day it lands. Plain ESM so the browser tests run it
// under Node without a TypeScript loader; typed by form-actions.d.mts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_SRC = path.resolve(here, '../../web/src');
export const ROUTES = path.join(WEB_SRC, 'routes');

function parse(file) {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The file a module specifier names, from `from`: $lib/… and relative paths, .ts or /index.ts. */
function resolveModule(spec, from) {
	let base;
	if (spec.startsWith('$lib/') || spec === '$lib') base = path.join(WEB_SRC, 'lib', spec.slice(5));
	else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
	else return null;
	for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

/** The initializer of the top-level `const name` of `source`, or where an import of `name` leads. */
function lookup(name, source, seen) {
	for (const stmt of source.statements) {
		if (ts.isVariableStatement(stmt)) {
			for (const decl of stmt.declarationList.declarations) {
				if (ts.isIdentifier(decl.name) && decl.name.text === name && decl.initializer) return { node: decl.initializer, source };
			}
		}
		if (ts.isImportDeclaration(stmt) && stmt.importClause?.namedBindings && ts.isNamedImports(stmt.importClause.namedBindings)) {
			for (const el of stmt.importClause.namedBindings.elements) {
				if (el.name.text !== name) continue;
				const file = resolveModule(stmt.moduleSpecifier.text, source.fileName);
				if (!file || seen.has(`${file}#${name}`)) return null;
				seen.add(`${file}#${name}`);
				return lookup((el.propertyName ?? el.name).text, parse(file), seen);
			}
		}
	}
	return null;
}

/** Strips `x as T`, `x satisfies T`, `(x)`. */
function unwrap(node) {
	while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) node = node.expression;
	return node;
}

/** The action names an expression holds; throws on a shape it cannot read (so a new shape fails loudly, not silently). */
function namesOf(expr, source, seen) {
	const node = unwrap(expr);
	if (ts.isIdentifier(node)) {
		const found = lookup(node.text, source, seen);
		if (!found) throw new Error(`${path.relative(WEB_SRC, source.fileName)}: cannot find the actions object ${node.text}`);
		return namesOf(found.node, found.source, seen);
	}
	if (!ts.isObjectLiteralExpression(node)) throw new Error(`${path.relative(WEB_SRC, source.fileName)}: actions are not an object literal (${ts.SyntaxKind[node.kind]})`);
	const names = [];
	for (const prop of node.properties) {
		if (ts.isSpreadAssignment(prop)) names.push(...namesOf(prop.expression, source, seen));
		else if (prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) names.push(prop.name.text);
		else throw new Error(`${path.relative(WEB_SRC, source.fileName)}: an action with a computed name`);
	}
	return names;
}

/** The actions of one +page.server.ts (empty when it exports none). */
export function actionsOfFile(file) {
	const source = parse(file);
	for (const stmt of source.statements) {
		if (!ts.isVariableStatement(stmt) || !stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
		for (const decl of stmt.declarationList.declarations) {
			if (ts.isIdentifier(decl.name) && decl.name.text === 'actions' && decl.initializer) return [...new Set(namesOf(decl.initializer, source, new Set()))];
		}
	}
	return [];
}

/**
 * Every form action: { file, route, name, key, url }. `route` is the page's route id as
 * SvelteKit names it (`/campaigns/[id]/edit`, groups dropped); `key` is `route` plus `?/name`
 * (or nothing for `default`), the key of a table entry; `url` fills each `[param]` from
 * `params` (by `<segment before>/<param>`, then `<param>`; "nope" otherwise).
 */
export function formActions(params = {}) {
	const out = [];
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+page.server.ts') {
				const segments = path
					.relative(ROUTES, path.dirname(full))
					.split(path.sep)
					.filter((s) => s && !/^\(.*\)$/.test(s));
				const route = `/${segments.join('/')}`;
				const urlPath =
					'/' +
					segments
						.map((seg, i) => {
							const param = /^\[(\w+)\]$/.exec(seg);
							if (!param) return seg;
							return encodeURIComponent(params[`${segments[i - 1]}/${param[1]}`] ?? params[param[1]] ?? 'nope');
						})
						.join('/');
				for (const name of actionsOfFile(full)) {
					const suffix = name === 'default' ? '' : `?/${name}`;
					out.push({ file: path.relative(ROUTES, full), route, name, key: `${route}${suffix}`, url: `${urlPath}${suffix}` });
				}
			}
		}
	};
	walk(ROUTES);
	return out;
}
