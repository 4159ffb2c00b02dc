CREATE TABLE `affinity_df` (
	`term` text PRIMARY KEY NOT NULL,
	`df` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `match_niche_bits` (
	`niche` text PRIMARY KEY NOT NULL,
	`bit` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `creator_niches_lookup_idx`;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `niche_bit` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `niches_mask` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `priced` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `breakdown` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_audience` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `risk` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e1` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e2` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e3` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e4` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e5` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e6` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e7` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e8` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e9` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e10` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e11` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e12` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e13` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e14` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_e15` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_comments` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_niches` ADD `bound_load` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
CREATE INDEX `creator_niches_creator_idx` ON `creator_niches` (`creator_id`);--> statement-breakpoint
CREATE INDEX `creator_niches_match_idx` ON `creator_niches` (`niche`,`wilaya`,`followers_total`,`priced`,`niches_mask`,`niche_bit`,`breakdown`,`bound_audience`,`risk`,`bound_e1`,`bound_e2`,`bound_e3`,`bound_e4`,`bound_e5`,`bound_e6`,`bound_e7`,`bound_e8`,`bound_e9`,`bound_e10`,`bound_e11`,`bound_e12`,`bound_e13`,`bound_e14`,`bound_e15`,`bound_comments`,`bound_load`,`creator_id`);--> statement-breakpoint
ALTER TABLE `creator_features` ADD `bound_engagement` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_features` ADD `bound_comments` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_features` ADD `bound_load` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_features` ADD `bounds_followers` integer;
--> statement-breakpoint
-- Issue 16, point 5: the exact shortlist (worker/domain/match-bounds.ts, worker/services/match-shortlist.ts).
-- creator_niches carries what the shortlist orders by (upper bounds of the score) so the
-- candidate scan never leaves creator_niches_match_idx; every trigger that writes a creator's
-- rows ends by refreshing them from creators and creator_features, and affinity_df keeps the
-- collection's document frequencies for the campaign's idf. Defaults and fallbacks are safe:
-- a bound too high lengthens the shortlist, it never hides a creator. INSERT OR REPLACE on
-- creator_features fires no delete trigger (recursive_triggers is off): update it with
-- ON CONFLICT DO UPDATE, as creator-stats.ts does, or affinity_df counts the row twice.
INSERT INTO `match_niche_bits` (`niche`, `bit`) VALUES ('beauty', 1), ('fashion', 2), ('modest_fashion', 4), ('food', 8), ('tech', 16), ('gaming', 32), ('sport', 64), ('fitness_health', 128), ('travel', 256), ('family_parenting', 512), ('home_decor', 1024), ('automotive', 2048), ('humour', 4096), ('education', 8192), ('lifestyle', 16384);
--> statement-breakpoint
UPDATE `creator_niches` SET
		`niche_bit` = coalesce((SELECT b.bit FROM `match_niche_bits` b WHERE b.niche = `creator_niches`.`niche`), 0),
		`niches_mask` = (SELECT coalesce(sum(b.bit), 0) FROM `creator_niches` x JOIN `match_niche_bits` b ON b.niche = x.niche WHERE x.creator_id = `creator_niches`.`creator_id`),
		`priced` = coalesce((SELECT CASE WHEN json_valid(c.rates) THEN (coalesce(json_extract(c.rates, '$.reel'), 0) > 0) + 2 * (coalesce(json_extract(c.rates, '$.story'), 0) > 0) + 4 * (coalesce(json_extract(c.rates, '$.post'), 0) > 0) + 8 * (coalesce(json_extract(c.rates, '$.live'), 0) > 0) ELSE 15 END FROM `creators` c WHERE c.id = `creator_niches`.`creator_id`), 15),
		`breakdown` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 1 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 0
			WHEN EXISTS (SELECT 1 FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) THEN 1 ELSE 0 END FROM `creators` c WHERE c.id = `creator_niches`.`creator_id`), 1),
		`bound_audience` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 100 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 60
			ELSE (SELECT CASE WHEN count(*) = 0 THEN 60 ELSE min(100, CAST(200.0 * sum(max(w.value, 0)) AS INTEGER) + 1) END
			      FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) END FROM `creators` c WHERE c.id = `creator_niches`.`creator_id`), 100),
		`risk` = coalesce((SELECT max(0, min(100, f.risk_score)) FROM `creator_features` f WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e1` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[0]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e2` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[1]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e3` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[2]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e4` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[3]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e5` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[4]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e6` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[5]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e7` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[6]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e8` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[7]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e9` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[8]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e10` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[9]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e11` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[10]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e12` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[11]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e13` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[12]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e14` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[13]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_e15` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[14]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_comments` = coalesce((SELECT f.bound_comments FROM `creator_features` f WHERE f.creator_id = `creator_niches`.`creator_id`), 0),
		`bound_load` = coalesce((SELECT f.bound_load FROM `creator_features` f WHERE f.creator_id = `creator_niches`.`creator_id`), 50);
--> statement-breakpoint
INSERT INTO `affinity_df` (`term`, `df`) SELECT '', count(*) FROM `creator_features`;
--> statement-breakpoint
INSERT INTO `affinity_df` (`term`, `df`) SELECT t.key, count(*) FROM `creator_features` f, json_each(CASE WHEN json_valid(f.affinity_terms) AND json_type(f.affinity_terms) = 'object' THEN f.affinity_terms ELSE '{}' END) t WHERE t.type IN ('integer', 'real') GROUP BY t.key;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `creators_niches_insert`;
--> statement-breakpoint
CREATE TRIGGER `creators_niches_insert` AFTER INSERT ON `creators` BEGIN
	INSERT OR IGNORE INTO `creator_niches` (`niche`, `creator_id`, `wilaya`, `followers_total`)
		SELECT value, NEW.id, NEW.wilaya, NEW.followers_total FROM json_each(CASE WHEN json_valid(NEW.niches) THEN NEW.niches ELSE '[]' END);
	UPDATE `creator_niches` SET
		`niche_bit` = coalesce((SELECT b.bit FROM `match_niche_bits` b WHERE b.niche = `creator_niches`.`niche`), 0),
		`niches_mask` = (SELECT coalesce(sum(b.bit), 0) FROM `creator_niches` x JOIN `match_niche_bits` b ON b.niche = x.niche WHERE x.creator_id = NEW.id),
		`priced` = coalesce((SELECT CASE WHEN json_valid(c.rates) THEN (coalesce(json_extract(c.rates, '$.reel'), 0) > 0) + 2 * (coalesce(json_extract(c.rates, '$.story'), 0) > 0) + 4 * (coalesce(json_extract(c.rates, '$.post'), 0) > 0) + 8 * (coalesce(json_extract(c.rates, '$.live'), 0) > 0) ELSE 15 END FROM `creators` c WHERE c.id = NEW.id), 15),
		`breakdown` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 1 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 0
			WHEN EXISTS (SELECT 1 FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) THEN 1 ELSE 0 END FROM `creators` c WHERE c.id = NEW.id), 1),
		`bound_audience` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 100 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 60
			ELSE (SELECT CASE WHEN count(*) = 0 THEN 60 ELSE min(100, CAST(200.0 * sum(max(w.value, 0)) AS INTEGER) + 1) END
			      FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) END FROM `creators` c WHERE c.id = NEW.id), 100),
		`risk` = coalesce((SELECT max(0, min(100, f.risk_score)) FROM `creator_features` f WHERE f.creator_id = NEW.id), 0),
		`bound_e1` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[0]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e2` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[1]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e3` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[2]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e4` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[3]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e5` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[4]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e6` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[5]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e7` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[6]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e8` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[7]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e9` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[8]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e10` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[9]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e11` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[10]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e12` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[11]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e13` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[12]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e14` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[13]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e15` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[14]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_comments` = coalesce((SELECT f.bound_comments FROM `creator_features` f WHERE f.creator_id = NEW.id), 0),
		`bound_load` = coalesce((SELECT f.bound_load FROM `creator_features` f WHERE f.creator_id = NEW.id), 50)
	WHERE `creator_id` = NEW.id;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `creators_niches_update`;
--> statement-breakpoint
CREATE TRIGGER `creators_niches_update` AFTER UPDATE OF `niches`, `wilaya`, `followers_total` ON `creators` BEGIN
	DELETE FROM `creator_niches` WHERE `creator_id` = OLD.id;
	INSERT OR IGNORE INTO `creator_niches` (`niche`, `creator_id`, `wilaya`, `followers_total`)
		SELECT value, NEW.id, NEW.wilaya, NEW.followers_total FROM json_each(CASE WHEN json_valid(NEW.niches) THEN NEW.niches ELSE '[]' END);
	INSERT OR IGNORE INTO `creator_niches` (`niche`, `creator_id`, `wilaya`, `followers_total`)
		SELECT json_extract(o.value, '$.niche'), NEW.id, NEW.wilaya, NEW.followers_total
		FROM `creator_features` f, json_each(CASE WHEN json_valid(f.observed_niches) THEN f.observed_niches ELSE '[]' END) o
		WHERE f.creator_id = NEW.id AND json_extract(o.value, '$.confidence') >= 0.5
		  AND NOT EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(f.observed_niches) THEN f.observed_niches ELSE '[]' END) o2,
		                  json_each(CASE WHEN json_valid(NEW.niches) THEN NEW.niches ELSE '[]' END) d
		                  WHERE json_extract(o2.value, '$.niche') = d.value);
	UPDATE `creator_niches` SET
		`niche_bit` = coalesce((SELECT b.bit FROM `match_niche_bits` b WHERE b.niche = `creator_niches`.`niche`), 0),
		`niches_mask` = (SELECT coalesce(sum(b.bit), 0) FROM `creator_niches` x JOIN `match_niche_bits` b ON b.niche = x.niche WHERE x.creator_id = NEW.id),
		`priced` = coalesce((SELECT CASE WHEN json_valid(c.rates) THEN (coalesce(json_extract(c.rates, '$.reel'), 0) > 0) + 2 * (coalesce(json_extract(c.rates, '$.story'), 0) > 0) + 4 * (coalesce(json_extract(c.rates, '$.post'), 0) > 0) + 8 * (coalesce(json_extract(c.rates, '$.live'), 0) > 0) ELSE 15 END FROM `creators` c WHERE c.id = NEW.id), 15),
		`breakdown` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 1 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 0
			WHEN EXISTS (SELECT 1 FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) THEN 1 ELSE 0 END FROM `creators` c WHERE c.id = NEW.id), 1),
		`bound_audience` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 100 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 60
			ELSE (SELECT CASE WHEN count(*) = 0 THEN 60 ELSE min(100, CAST(200.0 * sum(max(w.value, 0)) AS INTEGER) + 1) END
			      FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) END FROM `creators` c WHERE c.id = NEW.id), 100),
		`risk` = coalesce((SELECT max(0, min(100, f.risk_score)) FROM `creator_features` f WHERE f.creator_id = NEW.id), 0),
		`bound_e1` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[0]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e2` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[1]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e3` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[2]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e4` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[3]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e5` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[4]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e6` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[5]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e7` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[6]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e8` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[7]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e9` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[8]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e10` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[9]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e11` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[10]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e12` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[11]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e13` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[12]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e14` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[13]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e15` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[14]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_comments` = coalesce((SELECT f.bound_comments FROM `creator_features` f WHERE f.creator_id = NEW.id), 0),
		`bound_load` = coalesce((SELECT f.bound_load FROM `creator_features` f WHERE f.creator_id = NEW.id), 50)
	WHERE `creator_id` = NEW.id;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `creators_match_update`;
--> statement-breakpoint
CREATE TRIGGER `creators_match_update` AFTER UPDATE OF `rates`, `audience` ON `creators` BEGIN
	UPDATE `creator_niches` SET
		`niche_bit` = coalesce((SELECT b.bit FROM `match_niche_bits` b WHERE b.niche = `creator_niches`.`niche`), 0),
		`niches_mask` = (SELECT coalesce(sum(b.bit), 0) FROM `creator_niches` x JOIN `match_niche_bits` b ON b.niche = x.niche WHERE x.creator_id = NEW.id),
		`priced` = coalesce((SELECT CASE WHEN json_valid(c.rates) THEN (coalesce(json_extract(c.rates, '$.reel'), 0) > 0) + 2 * (coalesce(json_extract(c.rates, '$.story'), 0) > 0) + 4 * (coalesce(json_extract(c.rates, '$.post'), 0) > 0) + 8 * (coalesce(json_extract(c.rates, '$.live'), 0) > 0) ELSE 15 END FROM `creators` c WHERE c.id = NEW.id), 15),
		`breakdown` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 1 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 0
			WHEN EXISTS (SELECT 1 FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) THEN 1 ELSE 0 END FROM `creators` c WHERE c.id = NEW.id), 1),
		`bound_audience` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 100 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 60
			ELSE (SELECT CASE WHEN count(*) = 0 THEN 60 ELSE min(100, CAST(200.0 * sum(max(w.value, 0)) AS INTEGER) + 1) END
			      FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) END FROM `creators` c WHERE c.id = NEW.id), 100),
		`risk` = coalesce((SELECT max(0, min(100, f.risk_score)) FROM `creator_features` f WHERE f.creator_id = NEW.id), 0),
		`bound_e1` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[0]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e2` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[1]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e3` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[2]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e4` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[3]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e5` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[4]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e6` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[5]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e7` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[6]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e8` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[7]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e9` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[8]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e10` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[9]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e11` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[10]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e12` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[11]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e13` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[12]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e14` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[13]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_e15` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[14]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.id), 0),
		`bound_comments` = coalesce((SELECT f.bound_comments FROM `creator_features` f WHERE f.creator_id = NEW.id), 0),
		`bound_load` = coalesce((SELECT f.bound_load FROM `creator_features` f WHERE f.creator_id = NEW.id), 50)
	WHERE `creator_id` = NEW.id;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `creator_features_niches_insert`;
--> statement-breakpoint
CREATE TRIGGER `creator_features_niches_insert` AFTER INSERT ON `creator_features` BEGIN
	INSERT OR IGNORE INTO `creator_niches` (`niche`, `creator_id`, `wilaya`, `followers_total`)
		SELECT json_extract(o.value, '$.niche'), c.id, c.wilaya, c.followers_total
		FROM `creators` c, json_each(CASE WHEN json_valid(NEW.observed_niches) THEN NEW.observed_niches ELSE '[]' END) o
		WHERE c.id = NEW.creator_id AND json_extract(o.value, '$.confidence') >= 0.5
		  AND NOT EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(NEW.observed_niches) THEN NEW.observed_niches ELSE '[]' END) o2,
		                  json_each(CASE WHEN json_valid(c.niches) THEN c.niches ELSE '[]' END) d
		                  WHERE json_extract(o2.value, '$.niche') = d.value);
	UPDATE `creator_niches` SET
		`niche_bit` = coalesce((SELECT b.bit FROM `match_niche_bits` b WHERE b.niche = `creator_niches`.`niche`), 0),
		`niches_mask` = (SELECT coalesce(sum(b.bit), 0) FROM `creator_niches` x JOIN `match_niche_bits` b ON b.niche = x.niche WHERE x.creator_id = NEW.creator_id),
		`priced` = coalesce((SELECT CASE WHEN json_valid(c.rates) THEN (coalesce(json_extract(c.rates, '$.reel'), 0) > 0) + 2 * (coalesce(json_extract(c.rates, '$.story'), 0) > 0) + 4 * (coalesce(json_extract(c.rates, '$.post'), 0) > 0) + 8 * (coalesce(json_extract(c.rates, '$.live'), 0) > 0) ELSE 15 END FROM `creators` c WHERE c.id = NEW.creator_id), 15),
		`breakdown` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 1 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 0
			WHEN EXISTS (SELECT 1 FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) THEN 1 ELSE 0 END FROM `creators` c WHERE c.id = NEW.creator_id), 1),
		`bound_audience` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 100 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 60
			ELSE (SELECT CASE WHEN count(*) = 0 THEN 60 ELSE min(100, CAST(200.0 * sum(max(w.value, 0)) AS INTEGER) + 1) END
			      FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) END FROM `creators` c WHERE c.id = NEW.creator_id), 100),
		`risk` = coalesce((SELECT max(0, min(100, f.risk_score)) FROM `creator_features` f WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e1` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[0]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e2` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[1]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e3` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[2]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e4` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[3]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e5` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[4]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e6` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[5]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e7` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[6]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e8` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[7]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e9` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[8]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e10` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[9]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e11` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[10]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e12` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[11]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e13` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[12]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e14` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[13]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e15` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[14]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_comments` = coalesce((SELECT f.bound_comments FROM `creator_features` f WHERE f.creator_id = NEW.creator_id), 0),
		`bound_load` = coalesce((SELECT f.bound_load FROM `creator_features` f WHERE f.creator_id = NEW.creator_id), 50)
	WHERE `creator_id` = NEW.creator_id;
	INSERT INTO `affinity_df` (`term`, `df`) SELECT '', 1 WHERE true ON CONFLICT (`term`) DO UPDATE SET `df` = `df` + 1;
	INSERT INTO `affinity_df` (`term`, `df`) SELECT key, 1 FROM json_each(CASE WHEN json_valid(NEW.affinity_terms) AND json_type(NEW.affinity_terms) = 'object' THEN NEW.affinity_terms ELSE '{}' END) WHERE type IN ('integer', 'real') ON CONFLICT (`term`) DO UPDATE SET `df` = `df` + 1;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `creator_features_niches_update`;
--> statement-breakpoint
CREATE TRIGGER `creator_features_niches_update` AFTER UPDATE OF `observed_niches` ON `creator_features` BEGIN
	DELETE FROM `creator_niches` WHERE `creator_id` = NEW.creator_id
		AND `niche` NOT IN (SELECT d.value FROM `creators` c, json_each(CASE WHEN json_valid(c.niches) THEN c.niches ELSE '[]' END) d WHERE c.id = NEW.creator_id);
	INSERT OR IGNORE INTO `creator_niches` (`niche`, `creator_id`, `wilaya`, `followers_total`)
		SELECT json_extract(o.value, '$.niche'), c.id, c.wilaya, c.followers_total
		FROM `creators` c, json_each(CASE WHEN json_valid(NEW.observed_niches) THEN NEW.observed_niches ELSE '[]' END) o
		WHERE c.id = NEW.creator_id AND json_extract(o.value, '$.confidence') >= 0.5
		  AND NOT EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(NEW.observed_niches) THEN NEW.observed_niches ELSE '[]' END) o2,
		                  json_each(CASE WHEN json_valid(c.niches) THEN c.niches ELSE '[]' END) d
		                  WHERE json_extract(o2.value, '$.niche') = d.value);
	UPDATE `creator_niches` SET
		`niche_bit` = coalesce((SELECT b.bit FROM `match_niche_bits` b WHERE b.niche = `creator_niches`.`niche`), 0),
		`niches_mask` = (SELECT coalesce(sum(b.bit), 0) FROM `creator_niches` x JOIN `match_niche_bits` b ON b.niche = x.niche WHERE x.creator_id = NEW.creator_id),
		`priced` = coalesce((SELECT CASE WHEN json_valid(c.rates) THEN (coalesce(json_extract(c.rates, '$.reel'), 0) > 0) + 2 * (coalesce(json_extract(c.rates, '$.story'), 0) > 0) + 4 * (coalesce(json_extract(c.rates, '$.post'), 0) > 0) + 8 * (coalesce(json_extract(c.rates, '$.live'), 0) > 0) ELSE 15 END FROM `creators` c WHERE c.id = NEW.creator_id), 15),
		`breakdown` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 1 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 0
			WHEN EXISTS (SELECT 1 FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) THEN 1 ELSE 0 END FROM `creators` c WHERE c.id = NEW.creator_id), 1),
		`bound_audience` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 100 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 60
			ELSE (SELECT CASE WHEN count(*) = 0 THEN 60 ELSE min(100, CAST(200.0 * sum(max(w.value, 0)) AS INTEGER) + 1) END
			      FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) END FROM `creators` c WHERE c.id = NEW.creator_id), 100),
		`risk` = coalesce((SELECT max(0, min(100, f.risk_score)) FROM `creator_features` f WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e1` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[0]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e2` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[1]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e3` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[2]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e4` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[3]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e5` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[4]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e6` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[5]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e7` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[6]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e8` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[7]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e9` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[8]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e10` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[9]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e11` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[10]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e12` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[11]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e13` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[12]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e14` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[13]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e15` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[14]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_comments` = coalesce((SELECT f.bound_comments FROM `creator_features` f WHERE f.creator_id = NEW.creator_id), 0),
		`bound_load` = coalesce((SELECT f.bound_load FROM `creator_features` f WHERE f.creator_id = NEW.creator_id), 50)
	WHERE `creator_id` = NEW.creator_id;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `creator_features_match_update`;
--> statement-breakpoint
CREATE TRIGGER `creator_features_match_update` AFTER UPDATE ON `creator_features` BEGIN
	UPDATE `creator_niches` SET
		`niche_bit` = coalesce((SELECT b.bit FROM `match_niche_bits` b WHERE b.niche = `creator_niches`.`niche`), 0),
		`niches_mask` = (SELECT coalesce(sum(b.bit), 0) FROM `creator_niches` x JOIN `match_niche_bits` b ON b.niche = x.niche WHERE x.creator_id = NEW.creator_id),
		`priced` = coalesce((SELECT CASE WHEN json_valid(c.rates) THEN (coalesce(json_extract(c.rates, '$.reel'), 0) > 0) + 2 * (coalesce(json_extract(c.rates, '$.story'), 0) > 0) + 4 * (coalesce(json_extract(c.rates, '$.post'), 0) > 0) + 8 * (coalesce(json_extract(c.rates, '$.live'), 0) > 0) ELSE 15 END FROM `creators` c WHERE c.id = NEW.creator_id), 15),
		`breakdown` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 1 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 0
			WHEN EXISTS (SELECT 1 FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) THEN 1 ELSE 0 END FROM `creators` c WHERE c.id = NEW.creator_id), 1),
		`bound_audience` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 100 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 60
			ELSE (SELECT CASE WHEN count(*) = 0 THEN 60 ELSE min(100, CAST(200.0 * sum(max(w.value, 0)) AS INTEGER) + 1) END
			      FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) END FROM `creators` c WHERE c.id = NEW.creator_id), 100),
		`risk` = coalesce((SELECT max(0, min(100, f.risk_score)) FROM `creator_features` f WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e1` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[0]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e2` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[1]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e3` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[2]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e4` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[3]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e5` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[4]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e6` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[5]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e7` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[6]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e8` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[7]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e9` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[8]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e10` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[9]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e11` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[10]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e12` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[11]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e13` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[12]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e14` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[13]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_e15` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[14]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = NEW.creator_id), 0),
		`bound_comments` = coalesce((SELECT f.bound_comments FROM `creator_features` f WHERE f.creator_id = NEW.creator_id), 0),
		`bound_load` = coalesce((SELECT f.bound_load FROM `creator_features` f WHERE f.creator_id = NEW.creator_id), 50)
	WHERE `creator_id` = NEW.creator_id;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `creator_features_df_update`;
--> statement-breakpoint
CREATE TRIGGER `creator_features_df_update` AFTER UPDATE OF `affinity_terms` ON `creator_features` BEGIN
	INSERT INTO `affinity_df` (`term`, `df`) SELECT '', -1 WHERE true ON CONFLICT (`term`) DO UPDATE SET `df` = `df` + -1;
	INSERT INTO `affinity_df` (`term`, `df`) SELECT key, -1 FROM json_each(CASE WHEN json_valid(OLD.affinity_terms) AND json_type(OLD.affinity_terms) = 'object' THEN OLD.affinity_terms ELSE '{}' END) WHERE type IN ('integer', 'real') ON CONFLICT (`term`) DO UPDATE SET `df` = `df` + -1;
	INSERT INTO `affinity_df` (`term`, `df`) SELECT '', 1 WHERE true ON CONFLICT (`term`) DO UPDATE SET `df` = `df` + 1;
	INSERT INTO `affinity_df` (`term`, `df`) SELECT key, 1 FROM json_each(CASE WHEN json_valid(NEW.affinity_terms) AND json_type(NEW.affinity_terms) = 'object' THEN NEW.affinity_terms ELSE '{}' END) WHERE type IN ('integer', 'real') ON CONFLICT (`term`) DO UPDATE SET `df` = `df` + 1;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `creator_features_match_delete`;
--> statement-breakpoint
CREATE TRIGGER `creator_features_match_delete` AFTER DELETE ON `creator_features` BEGIN
	UPDATE `creator_niches` SET
		`niche_bit` = coalesce((SELECT b.bit FROM `match_niche_bits` b WHERE b.niche = `creator_niches`.`niche`), 0),
		`niches_mask` = (SELECT coalesce(sum(b.bit), 0) FROM `creator_niches` x JOIN `match_niche_bits` b ON b.niche = x.niche WHERE x.creator_id = OLD.creator_id),
		`priced` = coalesce((SELECT CASE WHEN json_valid(c.rates) THEN (coalesce(json_extract(c.rates, '$.reel'), 0) > 0) + 2 * (coalesce(json_extract(c.rates, '$.story'), 0) > 0) + 4 * (coalesce(json_extract(c.rates, '$.post'), 0) > 0) + 8 * (coalesce(json_extract(c.rates, '$.live'), 0) > 0) ELSE 15 END FROM `creators` c WHERE c.id = OLD.creator_id), 15),
		`breakdown` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 1 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 0
			WHEN EXISTS (SELECT 1 FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) THEN 1 ELSE 0 END FROM `creators` c WHERE c.id = OLD.creator_id), 1),
		`bound_audience` = coalesce((SELECT CASE WHEN NOT json_valid(c.audience) THEN 100 WHEN json_type(c.audience, '$.wilayas') IS NOT 'object' THEN 60
			ELSE (SELECT CASE WHEN count(*) = 0 THEN 60 ELSE min(100, CAST(200.0 * sum(max(w.value, 0)) AS INTEGER) + 1) END
			      FROM json_each(c.audience, '$.wilayas') w WHERE w.type IN ('integer', 'real')) END FROM `creators` c WHERE c.id = OLD.creator_id), 100),
		`risk` = coalesce((SELECT max(0, min(100, f.risk_score)) FROM `creator_features` f WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e1` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[0]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e2` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[1]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e3` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[2]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e4` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[3]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e5` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[4]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e6` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[5]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e7` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[6]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e8` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[7]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e9` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[8]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e10` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[9]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e11` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[10]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e12` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[11]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e13` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[12]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e14` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[13]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_e15` = coalesce((SELECT CASE WHEN f.bounds_followers IS c.followers_total AND json_valid(f.bound_engagement) THEN coalesce(json_extract(f.bound_engagement, '$[14]'), 100) ELSE 100 END FROM `creator_features` f JOIN `creators` c ON c.id = f.creator_id WHERE f.creator_id = OLD.creator_id), 0),
		`bound_comments` = coalesce((SELECT f.bound_comments FROM `creator_features` f WHERE f.creator_id = OLD.creator_id), 0),
		`bound_load` = coalesce((SELECT f.bound_load FROM `creator_features` f WHERE f.creator_id = OLD.creator_id), 50)
	WHERE `creator_id` = OLD.creator_id;
	INSERT INTO `affinity_df` (`term`, `df`) SELECT '', -1 WHERE true ON CONFLICT (`term`) DO UPDATE SET `df` = `df` + -1;
	INSERT INTO `affinity_df` (`term`, `df`) SELECT key, -1 FROM json_each(CASE WHEN json_valid(OLD.affinity_terms) AND json_type(OLD.affinity_terms) = 'object' THEN OLD.affinity_terms ELSE '{}' END) WHERE type IN ('integer', 'real') ON CONFLICT (`term`) DO UPDATE SET `df` = `df` + -1;
END;
