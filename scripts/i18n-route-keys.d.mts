// Types of i18n-route-keys.mjs (plain JavaScript so the Vite config loads it without a TypeScript step).
import type { Plugin } from 'vite';

export function routeKeys(srcDir: string, keys: readonly string[]): { routes: Map<string, Set<string>>; fallback: Set<string> };
export function moduleGraph(srcDir: string, entries: string[]): Set<string>;
export function keyScanner(keys: readonly string[]): (source: string) => Set<string>;
export function catalogueKeys(srcDir: string): string[];
export function routeKeysPlugin(srcDir: string): Plugin;
