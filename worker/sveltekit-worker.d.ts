/** The SvelteKit build's Worker (web/.svelte-kit/cloudflare/_worker.js), aliased in wrangler.toml. */
declare module 'sveltekit-worker' {
	const worker: { fetch(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response> };
	export default worker;
}
