/**
 * Stats import rules shared by the JSON and CSV ways in: limits, and the CSV reading
 * (csv-parse, a maintained parser: quotes, embedded commas and newlines, BOM) with one
 * error per bad cell, addressed by file line and column name.
 */
import { parse } from 'csv-parse/sync';
import { FORMATS, PLATFORMS, type Format, type Platform } from './taxonomy';
import { isSingleLine } from './text';

/** Most rows one import may carry (CSV rows or JSON items). */
export const MAX_IMPORT_ROWS = 5_000;
/** Largest import body, in bytes. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Largest metric accepted (a typo guard far above any real post). */
export const MAX_METRIC = 1_000_000_000;
/** Sample comments kept per post, and their length. */
export const MAX_COMMENT_SAMPLES = 20;
export const MAX_COMMENT_LENGTH = 500;
/** Separator of the commentSamples CSV cell, as written (and in the sample file). */
export const COMMENT_SEPARATOR = ' | ';
/** How the cell is read: a bar with or without spaces around it ("a|b", "a | b"). */
const COMMENT_SPLIT = /\s*\|\s*/u;

export const POST_CSV_COLUMNS = ['platform', 'ref', 'format', 'postedAt', 'views', 'reach', 'likes', 'comments', 'saves', 'shares', 'sponsored'] as const;
export const OPTIONAL_CSV_COLUMNS = ['commentSamples', 'caption'] as const;
/** Longest caption kept (Instagram's own limit is 2 200 characters). */
export const MAX_CAPTION_LENGTH = 2200;

export interface PostImport {
	platform: Platform;
	ref: string;
	format: Format;
	/** Epoch ms. */
	postedAt: number;
	views: number;
	reach: number | null;
	likes: number;
	comments: number;
	saves: number;
	shares: number;
	sponsored: boolean;
	commentSamples: string[];
	/** The post's text, read by matching's affinity; '' when not given. */
	caption: string;
}

/** A problem with one cell (or the header, line 1), as an i18n message key. */
export interface RowError {
	line: number;
	column: string;
	key: string;
}

export type ParsedCsv = ParsedRows<PostImport>;

const TRUE = new Set(['true', '1', 'yes', 'oui', 'y', 'نعم']);
const FALSE = new Set(['false', '0', 'no', 'non', 'n', 'لا', '']);

/** "12 500", "12500" → 12500; anything else is an error key. */
export function parseCount(raw: string, required: boolean): number | null | { error: string } {
	const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
	if (compact === '') return required ? { error: 'required' } : null;
	if (!/^\d+$/.test(compact)) return { error: 'stats_not_a_count' };
	const n = Number(compact);
	if (n > MAX_METRIC) return { error: 'stats_count_too_large' };
	return n;
}

/** YYYY-MM-DD (noon in Algiers) or a full ISO date-time; never more than a day ahead of now. */
export function parsePostedAt(raw: string, now: number): number | { error: string } {
	const s = raw.trim();
	if (s === '') return { error: 'required' };
	let ms: number;
	if (/^\d{4}-\d{2}-\d{2}$/.test(s)) ms = Date.parse(`${s}T12:00:00+01:00`);
	else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)) ms = Date.parse(s);
	else return { error: 'stats_date_invalid' };
	if (!Number.isFinite(ms)) return { error: 'stats_date_invalid' };
	if (ms > now + 86_400_000) return { error: 'stats_date_future' };
	if (ms < Date.UTC(2005, 0, 1)) return { error: 'stats_date_invalid' };
	return ms;
}

/** Splits a commentSamples cell on "|" (spaces around it optional), dropping empties, capped in count and length. */
export function splitCommentSamples(cell: string): string[] {
	return cell
		.split(COMMENT_SPLIT)
		.map((s) => s.trim())
		.filter(Boolean)
		.slice(0, MAX_COMMENT_SAMPLES)
		.map((s) => s.slice(0, MAX_COMMENT_LENGTH));
}

function readRow(cells: Record<string, string>, line: number, now: number): { row?: PostImport; errors: RowError[] } {
	const errors: RowError[] = [];
	const err = (column: string, key: string) => errors.push({ line, column, key });

	const platform = (cells.platform ?? '').trim().toLowerCase();
	if (platform === '') err('platform', 'required');
	else if (!(PLATFORMS as readonly string[]).includes(platform)) err('platform', 'creator_platform_invalid');

	const ref = (cells.ref ?? '').trim();
	if (ref === '') err('ref', 'required');
	else if (!isSingleLine(ref)) err('ref', 'single_line');
	else if (ref.length > 500) err('ref', 'stats_ref_too_long');

	const format = (cells.format ?? '').trim().toLowerCase();
	if (format === '') err('format', 'required');
	else if (!(FORMATS as readonly string[]).includes(format)) err('format', 'stats_format_invalid');

	const postedAt = parsePostedAt(cells.postedAt ?? '', now);
	if (typeof postedAt !== 'number') err('postedAt', postedAt.error);

	const counts: Record<string, number | null> = {};
	for (const column of ['views', 'reach', 'likes', 'comments', 'saves', 'shares'] as const) {
		const value = parseCount(cells[column] ?? '', column !== 'reach');
		if (value !== null && typeof value === 'object') err(column, value.error);
		else counts[column] = value;
	}

	const sponsoredRaw = (cells.sponsored ?? '').trim().toLowerCase();
	const sponsored = TRUE.has(sponsoredRaw) ? true : FALSE.has(sponsoredRaw) ? false : null;
	if (sponsored === null) err('sponsored', 'stats_boolean_invalid');

	if (errors.length > 0) return { errors };
	return {
		errors,
		row: {
			platform: platform as Platform,
			ref,
			format: format as Format,
			postedAt: postedAt as number,
			views: counts.views!,
			reach: counts.reach ?? null,
			likes: counts.likes!,
			comments: counts.comments!,
			saves: counts.saves!,
			shares: counts.shares!,
			sponsored: sponsored!,
			commentSamples: splitCommentSamples(cells.commentSamples ?? ''),
			caption: (cells.caption ?? '').trim().slice(0, MAX_CAPTION_LENGTH)
		}
	};
}

/** What a CSV import reads: its columns and how one record becomes a row (shared by the stats and the orders imports). */
export interface CsvShape<Row> {
	required: readonly string[];
	optional: readonly string[];
	/** Reads one record's cells into a row, or the errors of its cells. */
	readRow(cells: Record<string, string>, line: number): { row?: Row; errors: RowError[] };
	/** A key that must be unique within the file (e.g. platform + ref). */
	keyOf(row: Row): string;
	/** The column named in a duplicate-key error. */
	keyColumn: string;
	duplicateKey: string;
}

export interface ParsedRows<Row> {
	rows: (Row & { line: number })[];
	errors: RowError[];
	/** Data rows read (valid or not). */
	total: number;
	tooManyRows: boolean;
}

/**
 * Reads a CSV with a header line (columns in any order, optional ones allowed). Never
 * throws: a malformed file (an unclosed quote…) becomes an error on the line where the
 * parser stopped. Reads at most MAX_IMPORT_ROWS + 1 records and says when there were more.
 */
export function parseCsv<Row>(text: string, shape: CsvShape<Row>): ParsedRows<Row> {
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			bom: true,
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			skip_records_with_empty_values: true,
			to: MAX_IMPORT_ROWS + 2
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (e) {
		const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
		return { rows: [], errors: [{ line, column: '', key: 'stats_csv_malformed' }], total: 0, tooManyRows: false };
	}
	if (records.length === 0) return { rows: [], errors: [{ line: 1, column: '', key: 'stats_csv_empty' }], total: 0, tooManyRows: false };

	const known = new Set<string>([...shape.required, ...shape.optional]);
	const header = records[0].record.map((h) => h.trim());
	const headerErrors: RowError[] = [];
	for (const column of shape.required) if (!header.includes(column)) headerErrors.push({ line: 1, column, key: 'stats_csv_column_missing' });
	for (const column of header) if (!known.has(column)) headerErrors.push({ line: 1, column, key: 'stats_csv_column_unknown' });
	const data = records.slice(1);
	if (headerErrors.length > 0) return { rows: [], errors: headerErrors, total: data.length, tooManyRows: data.length > MAX_IMPORT_ROWS };
	if (data.length > MAX_IMPORT_ROWS) return { rows: [], errors: [], total: data.length, tooManyRows: true };

	const rows: ParsedRows<Row>['rows'] = [];
	const errors: RowError[] = [];
	const seen = new Set<string>();
	for (const { record, info } of data) {
		const line = info.lines;
		if (record.length !== header.length) {
			errors.push({ line, column: '', key: 'stats_csv_column_count' });
			continue;
		}
		const cells = Object.fromEntries(header.map((h, i) => [h, record[i]]));
		const result = shape.readRow(cells, line);
		if (!result.row) {
			errors.push(...result.errors);
			continue;
		}
		const key = shape.keyOf(result.row);
		if (seen.has(key)) {
			errors.push({ line, column: shape.keyColumn, key: shape.duplicateKey });
			continue;
		}
		seen.add(key);
		rows.push({ ...result.row, line });
	}
	return { rows, errors, total: data.length, tooManyRows: false };
}

/** Reads a posts CSV (POST_CSV_COLUMNS, commentSamples optional). */
export function parsePostsCsv(text: string, now: number): ParsedCsv {
	return parseCsv<PostImport>(text, {
		required: POST_CSV_COLUMNS,
		optional: OPTIONAL_CSV_COLUMNS,
		readRow: (cells, line) => readRow(cells, line, now),
		keyOf: (row) => `${row.platform}\u0000${row.ref}`,
		keyColumn: 'ref',
		duplicateKey: 'stats_ref_duplicate'
	});
}

export const FOLLOWER_CSV_COLUMNS = ['platform', 'date', 'followers'] as const;

export interface FollowerPointImport {
	platform: Platform;
	/** Calendar day, YYYY-MM-DD. */
	date: string;
	followers: number;
}

/** A calendar day YYYY-MM-DD that exists, not after tomorrow (time zones) nor before 2005. */
export function parseDay(raw: string, now: number): string | { error: string } {
	const s = raw.trim();
	if (s === '') return { error: 'required' };
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return { error: 'stats_date_invalid' };
	const ms = Date.parse(`${s}T00:00:00Z`);
	if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== s || ms < Date.UTC(2005, 0, 1)) return { error: 'stats_date_invalid' };
	if (ms > now + 86_400_000) return { error: 'stats_date_future' };
	return s;
}

/** Reads a follower-history CSV: platform,date,followers (one row per platform and day). */
export function parseFollowersCsv(text: string, now: number): ParsedRows<FollowerPointImport> {
	return parseCsv<FollowerPointImport>(text, {
		required: FOLLOWER_CSV_COLUMNS,
		optional: [],
		readRow: (cells, line) => {
			const errors: RowError[] = [];
			const platform = (cells.platform ?? '').trim().toLowerCase();
			if (platform === '') errors.push({ line, column: 'platform', key: 'required' });
			else if (!(PLATFORMS as readonly string[]).includes(platform)) errors.push({ line, column: 'platform', key: 'creator_platform_invalid' });
			const date = parseDay(cells.date ?? '', now);
			if (typeof date !== 'string') errors.push({ line, column: 'date', key: date.error });
			const followers = parseCount(cells.followers ?? '', true);
			if (followers === null || typeof followers === 'object') errors.push({ line, column: 'followers', key: followers === null ? 'required' : followers.error });
			if (errors.length > 0) return { errors };
			return { errors, row: { platform: platform as Platform, date: date as string, followers: followers as number } };
		},
		keyOf: (row) => `${row.platform}\u0000${row.date}`,
		keyColumn: 'date',
		duplicateKey: 'stats_date_duplicate'
	});
}

/** One CSV cell: quoted when it holds a comma, a quote or a line break. */
function csvCell(value: string | number): string {
	const text = String(value);
	return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text (CRLF, as spreadsheets write it). */
function csvText(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
	return [columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The calendar day `daysAgo` days before `now`, in Algiers (UTC+1). */
function dayBefore(now: number, daysAgo: number): string {
	return new Date(now + 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A posts CSV to download and fill in (issue 14): every column, required and optional, and
 * three example rows dated in the last weeks so the file imports as it is — quotes around a
 * caption with a comma, comment samples separated by " | ".
 */
export function samplePostsCsv(now: number): string {
	const columns = [...POST_CSV_COLUMNS, ...OPTIONAL_CSV_COLUMNS];
	const rows = [
		[
			'instagram',
			'https://www.instagram.com/reel/EXEMPLE1/',
			'reel',
			dayBefore(now, 21),
			18_400,
			12_900,
			1_250,
			96,
			140,
			38,
			'non',
			'Prix svp ? | Livraison à Oran ? | Dispo en rose ?',
			'Ma routine du matin, avec le sérum de chez moi'
		],
		['instagram', 'https://www.instagram.com/p/EXEMPLE2/', 'post', dayBefore(now, 14), 6_100, 4_800, 410, 22, 35, 6, 'oui', 'كم السعر؟ | واش كاين توصيل لوهران؟', 'Collaboration, code promo en story'],
		['tiktok', 'https://www.tiktok.com/@exemple/video/7300000000000000001', 'reel', dayBefore(now, 7), 32_000, '', 2_900, 150, 210, 95, 'non', '', '']
	];
	return csvText(columns, rows);
}

/** A follower-history CSV to download and fill in: one row per platform and day. */
export function sampleFollowersCsv(now: number): string {
	const rows = [
		['instagram', dayBefore(now, 30), 17_650],
		['instagram', dayBefore(now, 15), 17_980],
		['instagram', dayBefore(now, 1), 18_320],
		['tiktok', dayBefore(now, 1), 5_200]
	];
	return csvText(FOLLOWER_CSV_COLUMNS, rows);
}
