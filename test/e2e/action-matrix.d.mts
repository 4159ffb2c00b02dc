/** Types of action-matrix.mjs. */
export interface ActionEntry {
	as: 'brand' | 'creator' | 'user' | 'admin' | 'public';
	object?: 'campaign' | 'application' | 'agreement' | 'deliverable';
	why?: string;
}
export declare const ACTIONS: Record<string, ActionEntry>;
