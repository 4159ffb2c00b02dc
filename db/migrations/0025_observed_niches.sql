ALTER TABLE `creator_features` ADD `observed_niches` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Matching's candidates (creator_niches) hold the declared niches and, when the content
-- disagrees with them (no declared niche observed, an observed one at confidence 0.5 or
-- more: worker/domain/observed-niches.ts compareNiches), the trusted observed niches.
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
END;
--> statement-breakpoint
CREATE TRIGGER `creator_features_niches_insert` AFTER INSERT ON `creator_features` BEGIN
	INSERT OR IGNORE INTO `creator_niches` (`niche`, `creator_id`, `wilaya`, `followers_total`)
		SELECT json_extract(o.value, '$.niche'), c.id, c.wilaya, c.followers_total
		FROM `creators` c, json_each(CASE WHEN json_valid(NEW.observed_niches) THEN NEW.observed_niches ELSE '[]' END) o
		WHERE c.id = NEW.creator_id AND json_extract(o.value, '$.confidence') >= 0.5
		  AND NOT EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(NEW.observed_niches) THEN NEW.observed_niches ELSE '[]' END) o2,
		                  json_each(CASE WHEN json_valid(c.niches) THEN c.niches ELSE '[]' END) d
		                  WHERE json_extract(o2.value, '$.niche') = d.value);
END;
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
END;
