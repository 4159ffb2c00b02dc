// Multipart bench (issue 11): a 90 MB multipart/form-data body (a note and a video) in
// 64 KiB chunks, read three ways, each in its own process so its peak RSS is its own:
// - drain: the chunks read and dropped (the baseline: what the stream itself costs);
// - stream: worker/domain/multipart.ts, the file's chunks counted (what streamedUpload does);
// - formData: `new Response(body).formData()` (the buffering way, as upload() reads its body).
// CPU = process.cpuUsage() user + system. Memory, in a second run with --expose-gc: the most
// held at once (heap + ArrayBuffers after a full GC, every 8 MB of file read, and once the
// form was read), net of the process before the body; peak RSS also counts garbage not yet
// collected, so it says little about what a reader keeps. Run: npx tsx bench/multipart.ts
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readMultipart } from '../worker/domain/multipart';

const MB = 1000 * 1000;
const FILE_BYTES = 90 * MB;
const CHUNK = 64 * 1024;
const BOUNDARY = '----WaslaBenchBoundary7MA4YWxkTrZu0gW';
const enc = (text: string) => new TextEncoder().encode(text);

/** The body as a stream, made on the fly: its 90 MB never exist at once in this process. */
function body(): ReadableStream<Uint8Array> {
	const head = enc(
		`--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nPremière version du reel.\r\n` +
			`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="draft.mp4"\r\nContent-Type: video/mp4\r\n\r\n`
	);
	const tail = enc(`\r\n--${BOUNDARY}--\r\n`);
	// Bytes that are not all alike, with CR LF and dashes, as compressed video has.
	const filler = Uint8Array.from({ length: CHUNK }, (_, i) => (i % 997 === 0 ? 13 : i % 991 === 0 ? 45 : (i * 131) & 255));
	let sent = -1;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			if (sent < 0) {
				controller.enqueue(head);
				sent = 0;
			} else if (sent < FILE_BYTES) {
				const n = Math.min(CHUNK, FILE_BYTES - sent);
				controller.enqueue(filler.slice(0, n));
				sent += n;
			} else {
				controller.enqueue(tail);
				controller.close();
			}
		}
	});
}

/**
 * Bytes held now, after a full collection (only when run with --expose-gc). V8 frees
 * ArrayBuffers' memory on a background thread: without the pause, garbage shows as held.
 */
const held = async () => {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) return 0;
	gc();
	await new Promise((resolve) => setTimeout(resolve, 20));
	gc();
	const m = process.memoryUsage();
	return m.heapUsed + m.arrayBuffers;
};
let maxHeld = 0;
const sample = async () => (maxHeld = Math.max(maxHeld, await held()));
const EVERY = 8 * MB;

const modes = {
	async drain() {
		let n = 0;
		for await (const chunk of body()) {
			if (Math.floor((n + chunk.byteLength) / EVERY) > Math.floor(n / EVERY)) await sample();
			n += chunk.byteLength;
		}
		return n;
	},
	async stream() {
		let n = 0;
		for await (const part of readMultipart(body(), BOUNDARY, { maxBodyBytes: FILE_BYTES + 128 * 1024 })) {
			if (part.kind !== 'file') continue;
			for await (const chunk of part.chunks) {
				if (Math.floor((n + chunk.byteLength) / EVERY) > Math.floor(n / EVERY)) await sample();
				n += chunk.byteLength;
			}
		}
		return n;
	},
	async formData() {
		const form = await new Response(body(), { headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } }).formData();
		const file = form.get('file') as File;
		await sample();
		return file.size;
	}
};
type Mode = keyof typeof modes;

interface Row {
	mode: Mode;
	bytes: number;
	wall: number;
	cpu: number;
	rssMb: number;
	heldMb: number;
}

async function child(mode: Mode) {
	const before = await held();
	const rssBefore = process.resourceUsage().maxRSS;
	const cpu = process.cpuUsage();
	const start = performance.now();
	const bytes = await modes[mode]();
	const wall = performance.now() - start;
	const used = process.cpuUsage(cpu);
	const row: Row = { mode, bytes, wall, cpu: (used.user + used.system) / 1000, rssMb: (process.resourceUsage().maxRSS - rssBefore) / 1024, heldMb: (maxHeld - before) / MB };
	console.log(JSON.stringify(row));
}

const run = (mode: Mode, flags: string[]): Row => {
	const r = spawnSync(process.execPath, [...flags, ...process.execArgv, fileURLToPath(import.meta.url), mode], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${mode}: ${r.stderr}`);
	return JSON.parse(r.stdout.trim().split('\n').pop()!) as Row;
};

const wanted = process.argv[2] as Mode | undefined;
if (wanted) {
	await child(wanted);
} else {
	const rows = (Object.keys(modes) as Mode[]).map((mode) => {
		const timed = [0, 1, 2].map(() => run(mode, [])).sort((a, b) => a.cpu - b.cpu)[0];
		return { ...timed, heldMb: run(mode, ['--expose-gc']).heldMb };
	});
	const drain = rows[0];
	console.log(`\n90 MB multipart body in 64 KiB chunks (time: best of 3 runs; each run a fresh process)`);
	console.log('mode        file MB   wall ms   CPU ms  net CPU ms  MB/s (net)  held max MB  peak RSS +MB');
	for (const r of rows) {
		const net = r.cpu - drain.cpu;
		const rate = r.mode === 'drain' ? '' : ((FILE_BYTES / MB / Math.max(net, 1)) * 1000).toFixed(0);
		console.log(
			[
				r.mode.padEnd(10),
				(r.bytes / MB).toFixed(1).padStart(8),
				r.wall.toFixed(0).padStart(9),
				r.cpu.toFixed(0).padStart(8),
				(r.mode === 'drain' ? '' : net.toFixed(0)).padStart(11),
				rate.padStart(11),
				r.heldMb.toFixed(1).padStart(12),
				r.rssMb.toFixed(1).padStart(13)
			].join(' ')
		);
	}
	console.log('\nnet CPU = CPU minus the drain baseline of the same run; held max = most memory live at once after a full GC (second run, --expose-gc).');
}
