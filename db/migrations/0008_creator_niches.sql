CREATE TABLE `creator_niches` (
	`niche` text NOT NULL,
	`creator_id` text NOT NULL,
	`wilaya` text,
	`followers_total` integer NOT NULL,
	PRIMARY KEY(`niche`, `creator_id`)
);
--> statement-breakpoint
CREATE INDEX `creator_niches_lookup_idx` ON `creator_niches` (`niche`,`wilaya`,`followers_total`);--> statement-breakpoint
INSERT OR IGNORE INTO `creator_niches` (`niche`, `creator_id`, `wilaya`, `followers_total`)
	SELECT n.value, c.id, c.wilaya, c.followers_total FROM `creators` c, json_each(CASE WHEN json_valid(c.niches) THEN c.niches ELSE '[]' END) n;
--> statement-breakpoint
CREATE TRIGGER `creators_niches_insert` AFTER INSERT ON `creators` BEGIN
	INSERT OR IGNORE INTO `creator_niches` (`niche`, `creator_id`, `wilaya`, `followers_total`)
		SELECT value, NEW.id, NEW.wilaya, NEW.followers_total FROM json_each(CASE WHEN json_valid(NEW.niches) THEN NEW.niches ELSE '[]' END);
END;
--> statement-breakpoint
CREATE TRIGGER `creators_niches_update` AFTER UPDATE OF `niches`, `wilaya`, `followers_total` ON `creators` BEGIN
	DELETE FROM `creator_niches` WHERE `creator_id` = OLD.id;
	INSERT OR IGNORE INTO `creator_niches` (`niche`, `creator_id`, `wilaya`, `followers_total`)
		SELECT value, NEW.id, NEW.wilaya, NEW.followers_total FROM json_each(CASE WHEN json_valid(NEW.niches) THEN NEW.niches ELSE '[]' END);
END;
--> statement-breakpoint
CREATE TRIGGER `creators_niches_delete` AFTER DELETE ON `creators` BEGIN
	DELETE FROM `creator_niches` WHERE `creator_id` = OLD.id;
END;
