CREATE TABLE `creator_features` (
	`creator_id` text PRIMARY KEY NOT NULL,
	`computed_at` integer NOT NULL,
	`engagement_by_format` text DEFAULT '{}' NOT NULL,
	`sponsored_share` real DEFAULT 0 NOT NULL,
	`comment_mix` text DEFAULT '{}' NOT NULL,
	`posts_last_90d` integer DEFAULT 0 NOT NULL,
	`follower_growth_30d` real,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stats_screenshots` (
	`id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`r2_key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stats_screenshots_creator_idx` ON `stats_screenshots` (`creator_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`terms` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_application_uq` ON `agreements` (`application_id`);--> statement-breakpoint
CREATE INDEX `agreements_brand_idx` ON `agreements` (`brand_id`);--> statement-breakpoint
CREATE INDEX `agreements_creator_idx` ON `agreements` (`creator_id`);--> statement-breakpoint
CREATE TABLE `application_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`author_user_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_messages_app_idx` ON `application_messages` (`application_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `campaign_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`day` integer NOT NULL,
	`phase` text NOT NULL,
	`key` text NOT NULL,
	`due_date` text NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_tasks_campaign_idx` ON `campaign_tasks` (`campaign_id`,`day`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `creators` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `creators` ADD `payout_rip` text;--> statement-breakpoint
ALTER TABLE `creators` ADD `rates_public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `proposed_dates` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `decline_reason` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `closed_at` integer;