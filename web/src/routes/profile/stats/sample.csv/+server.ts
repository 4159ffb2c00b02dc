/**
 * The sample CSV files of the stats page (issue 14): GET /profile/stats/sample.csv for posts,
 * ?kind=followers for the follower history. Built from the import's own columns and dated
 * before today, so the file imports as it is downloaded. Public and unchanging for a day:
 * nothing about the reader is in it.
 */
import { samplePostsCsv, sampleFollowersCsv } from '$worker/domain/stats-import';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const followers = url.searchParams.get('kind') === 'followers';
	const now = Date.now();
	const body = followers ? sampleFollowersCsv(now) : samplePostsCsv(now);
	return new Response(`\ufeff${body}`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${followers ? 'wasla-followers-sample.csv' : 'wasla-posts-sample.csv'}"`,
			'cache-control': 'public, max-age=3600'
		}
	});
};
