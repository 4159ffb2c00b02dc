// Strings that have broken parsers, queries, pages and PDFs elsewhere: the odd values both
// fuzzers send (test/api/fuzz.test.ts to the API, test/e2e/form-fuzz.e2e.mjs to the pages'
// form actions). Plain ESM so the browser tests import it under Node; typed by fuzz-fragments.d.mts.

export const FRAGMENTS = [
	"'; DROP TABLE users; --",
	'" OR 1=1 --',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'{{7*7}}',
	'${7*7}',
	'../../etc/passwd',
	'\u0000',
	'\u202Egnp.exe',
	'\u2066\u2069\u200F',
	'\uD800',
	'\uDFFF\uD800',
	'e\u0301\u0301\u0301\u0301',
	'ﷺ'.repeat(50),
	'👩‍👩‍👧‍👦'.repeat(20),
	'\r\nSet-Cookie: a=b',
	'%00%2e%2e%2f',
	'null',
	'NaN',
	'-0',
	'1e309',
	'0x7fffffff',
	'9007199254740993',
	' ',
	''
];

/** What a form field adds: values a browser sends for checkboxes and dates, and impossible ones. */
export const FORM_FRAGMENTS = ['-1', '2026-02-30', 'true', 'on'];
