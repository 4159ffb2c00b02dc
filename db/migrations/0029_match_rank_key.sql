-- Issue 16, point 5: the shortlist reads each campaign niche in rank_key order
-- (worker/domain/match-bounds.ts RANK_WEIGHTS, rankFrontier; worker/services/match-shortlist.ts):
-- the creator's part of the bound at the index's weights, each criterion at its highest over every
-- campaign shape, minus the risk penalty. A virtual column: SQLite computes it from the row's
-- bounds (kept by 0028's triggers), so no trigger changes. creator_niches_rank_idx covers every
-- column the scan reads; creator_niches_match_idx now holds the hard filters only (the count).
DROP INDEX `creator_niches_match_idx`;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `rank_key` real GENERATED ALWAYS AS (0.27 * max(bound_e1, bound_e2, bound_e3, bound_e4, bound_e5, bound_e6, bound_e7, bound_e8, bound_e9, bound_e10, bound_e11, bound_e12, bound_e13, bound_e14, bound_e15) + 0.22 * bound_comments + 0.09 * bound_load + 0.14 * max(bound_audience, 60 + 40 * breakdown) - 0.3 * risk) VIRTUAL;--> statement-breakpoint
CREATE INDEX `creator_niches_rank_idx` ON `creator_niches` (`niche`,`rank_key`,`creator_id`,`wilaya`,`followers_total`,`priced`,`niches_mask`,`niche_bit`,`breakdown`,`bound_audience`,`risk`,`bound_e1`,`bound_e2`,`bound_e3`,`bound_e4`,`bound_e5`,`bound_e6`,`bound_e7`,`bound_e8`,`bound_e9`,`bound_e10`,`bound_e11`,`bound_e12`,`bound_e13`,`bound_e14`,`bound_e15`,`bound_comments`,`bound_load`);--> statement-breakpoint
CREATE INDEX `creator_niches_match_idx` ON `creator_niches` (`niche`,`wilaya`,`followers_total`,`priced`,`niches_mask`,`niche_bit`);