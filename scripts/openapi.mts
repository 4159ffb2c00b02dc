/**
 * Writes the API's OpenAPI document to a file, built by the app itself (the same
 * `createApp()` the Worker serves), so `npm run lint` can hand it to an outside linter:
 * `tsx scripts/openapi.mts <file>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApp } from '../worker/app';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx scripts/openapi.mts <output.json>');
const res = await createApp().fetch(new Request('https://wasla.example/api/v1/openapi.json'), { APP_ENV: 'production' } as never);
if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}: ${await res.text()}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(await res.json(), null, '\t'));
