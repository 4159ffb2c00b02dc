// Types for the test runtime: the Worker's own bindings (worker/env.ts) plus the migrations the setup applies.
type WaslaEnv = import('../worker/env').Env;

declare namespace Cloudflare {
	interface Env extends WaslaEnv {
		TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
	}
	interface GlobalProps {
		mainModule: typeof import('../worker/index');
	}
}
