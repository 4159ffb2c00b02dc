ALTER TABLE `outbox` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `locale` text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `status` text DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `next_attempt_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `message_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `announced_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
-- Rows written before delivery existed (issue 10, point 4). A row already marked sent stays sent.
UPDATE `outbox` SET `status` = 'sent' WHERE `sent_at` IS NOT NULL;--> statement-breakpoint
-- Unsent rows of the last day are delivered now; older ones (expired codes, stale news) are kept
-- as failed, never sent late and never lost.
UPDATE `outbox` SET `next_attempt_at` = `created_at` WHERE `sent_at` IS NULL AND `created_at` >= (CAST(strftime('%s', 'now') AS INTEGER) - 86400) * 1000;--> statement-breakpoint
UPDATE `outbox` SET `status` = 'failed', `last_error` = 'written before email delivery existed; older than a day, not sent' WHERE `sent_at` IS NULL AND `created_at` < (CAST(strftime('%s', 'now') AS INTEGER) - 86400) * 1000;--> statement-breakpoint
-- Their language, from the text the builders wrote (Arabic letters, or the English greeting); French otherwise.
UPDATE `outbox` SET `locale` = 'ar' WHERE `text` GLOB '*[ء-ي]*';--> statement-breakpoint
UPDATE `outbox` SET `locale` = 'en' WHERE `locale` = 'fr' AND `text` LIKE 'Hello,%';
