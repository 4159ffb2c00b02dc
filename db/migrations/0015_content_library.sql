ALTER TABLE `content_assets` ADD `expired_at` integer;--> statement-breakpoint
CREATE INDEX `content_assets_expired_idx` ON `content_assets` (`brand_id`,`expired_at`);--> statement-breakpoint
-- The content library fills itself from the deliverables (hand-written triggers, like 0008):
-- the drafts and publication services never call it. An asset is the latest draft of an
-- approved deliverable, and only when that draft has a file: a text-only script is not a
-- reusable asset. Channels, perpetual and days come from the agreement's signed terms (v1
-- terms had no perpetual and listed the platform, not reuse channels: they read as the
-- default channels, as upgradeTerms does). Damaged terms JSON reads as '{}' so that an
-- approval never fails because of the library. Ids are random UUIDs (version 4 layout).
CREATE TRIGGER `content_assets_from_deliverable` AFTER UPDATE OF `status` ON `deliverables`
WHEN NEW.status IN ('approved', 'published', 'stats_d1', 'stats_d7', 'done') AND NEW.status IS NOT OLD.status
BEGIN
	INSERT OR IGNORE INTO `content_assets` (`id`, `brand_id`, `creator_id`, `campaign_id`, `agreement_id`, `deliverable_id`, `submission_id`, `platform`, `format`,
		`channels`, `perpetual`, `rights_days`, `rights_from`, `rights_until`, `created_at`)
	SELECT
		substr(r.h, 1, 8) || '-' || substr(r.h, 9, 4) || '-4' || substr(r.h, 14, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r.h, 18, 3) || '-' || substr(r.h, 21, 12),
		NEW.brand_id, NEW.creator_id, NEW.campaign_id, NEW.agreement_id, NEW.id, s.id, NEW.platform, NEW.format,
		CASE WHEN json_extract(g.t, '$.schemaVersion') = 2 AND json_type(g.t, '$.reuseRights.channels') = 'array' THEN json_extract(g.t, '$.reuseRights.channels')
			ELSE '["website","catalogue","whatsapp_catalogue"]' END,
		coalesce(json_extract(g.t, '$.reuseRights.perpetual'), 0),
		CASE WHEN coalesce(json_extract(g.t, '$.reuseRights.perpetual'), 0) THEN NULL ELSE json_extract(g.t, '$.reuseRights.days') END,
		NEW.published_at,
		CASE WHEN NEW.published_at IS NULL OR coalesce(json_extract(g.t, '$.reuseRights.perpetual'), 0) OR json_extract(g.t, '$.reuseRights.days') IS NULL THEN NULL
			ELSE NEW.published_at + json_extract(g.t, '$.reuseRights.days') * 86400000 END,
		coalesce(NEW.approved_at, NEW.updated_at)
	FROM `deliverable_submissions` s,
		(SELECT CASE WHEN json_valid(`terms`) THEN `terms` ELSE '{}' END AS t FROM `agreements` WHERE `id` = NEW.agreement_id) g,
		(SELECT lower(hex(randomblob(16))) AS h) r
	WHERE s.deliverable_id = NEW.id AND s.file_key IS NOT NULL
		AND s.version = (SELECT max(`version`) FROM `deliverable_submissions` WHERE `deliverable_id` = NEW.id);
END;
--> statement-breakpoint
-- The rights run from publication. A later correction of published_at (a post recorded after
-- the fact, then fixed) moves the window with it; expired_at is cleared, and the cron marks
-- the asset again if the moved window is over (reads compare rights_until with their clock
-- meanwhile, so an asset never looks active past its window).
CREATE TRIGGER `content_assets_rights_from_publication` AFTER UPDATE OF `published_at` ON `deliverables`
WHEN NEW.published_at IS NOT NULL AND NEW.published_at IS NOT OLD.published_at
BEGIN
	UPDATE `content_assets` SET
		`rights_from` = NEW.published_at,
		`rights_until` = CASE WHEN `perpetual` OR `rights_days` IS NULL THEN NULL ELSE NEW.published_at + `rights_days` * 86400000 END,
		`expired_at` = NULL
	WHERE `deliverable_id` = NEW.id;
END;
--> statement-breakpoint
-- Withdrawn under the crisis clause: the asset is withdrawn too (final; the record stays).
CREATE TRIGGER `content_assets_withdrawn` AFTER UPDATE OF `status` ON `deliverables`
WHEN NEW.status = 'withdrawn' AND OLD.status IS NOT 'withdrawn'
BEGIN
	UPDATE `content_assets` SET `withdrawn_at` = coalesce(NEW.withdrawn_at, NEW.updated_at) WHERE `deliverable_id` = NEW.id AND `withdrawn_at` IS NULL;
END;
--> statement-breakpoint
-- Deliverables approved before this migration: their assets, as the triggers would have made them.
INSERT OR IGNORE INTO `content_assets` (`id`, `brand_id`, `creator_id`, `campaign_id`, `agreement_id`, `deliverable_id`, `submission_id`, `platform`, `format`,
	`channels`, `perpetual`, `rights_days`, `rights_from`, `rights_until`, `withdrawn_at`, `created_at`)
SELECT
	lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
	d.brand_id, d.creator_id, d.campaign_id, d.agreement_id, d.id, s.id, d.platform, d.format,
	CASE WHEN json_extract(g.t, '$.schemaVersion') = 2 AND json_type(g.t, '$.reuseRights.channels') = 'array' THEN json_extract(g.t, '$.reuseRights.channels')
		ELSE '["website","catalogue","whatsapp_catalogue"]' END,
	coalesce(json_extract(g.t, '$.reuseRights.perpetual'), 0),
	CASE WHEN coalesce(json_extract(g.t, '$.reuseRights.perpetual'), 0) THEN NULL ELSE json_extract(g.t, '$.reuseRights.days') END,
	d.published_at,
	CASE WHEN d.published_at IS NULL OR coalesce(json_extract(g.t, '$.reuseRights.perpetual'), 0) OR json_extract(g.t, '$.reuseRights.days') IS NULL THEN NULL
		ELSE d.published_at + json_extract(g.t, '$.reuseRights.days') * 86400000 END,
	CASE WHEN d.status = 'withdrawn' THEN coalesce(d.withdrawn_at, d.updated_at) END,
	coalesce(d.approved_at, d.updated_at)
FROM `deliverables` d
	JOIN `deliverable_submissions` s ON s.deliverable_id = d.id AND s.file_key IS NOT NULL
		AND s.version = (SELECT max(`version`) FROM `deliverable_submissions` WHERE `deliverable_id` = d.id)
	JOIN (SELECT `id`, CASE WHEN json_valid(`terms`) THEN `terms` ELSE '{}' END AS t FROM `agreements`) g ON g.id = d.agreement_id
WHERE d.status IN ('approved', 'published', 'stats_d1', 'stats_d7', 'done', 'withdrawn');
