import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { translator } from '$lib/server/i18n';
import type { CreatorProfile } from '$lib/creator-profile';
import type { PageServerLoad } from './$types';

export interface MediaKit {
	creator: CreatorProfile;
	wilayaName: { fr: string; ar: string } | null;
	recentPosts: { platform: string; format: string; postedAt: string; views: number; reach: number | null; likes: number; comments: number; sponsored: boolean }[];
}

/** Public: no login. Never carries contact or payout data (the API leaves them out). */
export const load: PageServerLoad = async ({ params, fetch, locals, url }) => {
	const [kit, wilayas] = await Promise.all([
		apiJson<MediaKit>(fetch, `/media-kits/${encodeURIComponent(params.handle)}`, 'GET'),
		apiJson<{ wilayas: { code: string; name: string }[] }>(fetch, `/wilayas?lang=${locals.locale}`, 'GET')
	]);
	if (!kit.ok) {
		if (kit.status === 404) error(404, translator(locals.locale)('kit.notFound'));
		throw new Error(`media kit load failed: ${kit.status}`);
	}
	return {
		kit: kit.data,
		wilayaNames: Object.fromEntries((wilayas.ok ? wilayas.data.wilayas : []).map((w) => [w.code, w.name])),
		shareUrl: `${url.origin}/c/${encodeURIComponent(params.handle)}`
	};
};
