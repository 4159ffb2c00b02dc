CREATE TABLE `attribution_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`agreement_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`code_key` text NOT NULL,
	`active` integer NOT NULL,
	`activated_at` integer NOT NULL,
	`deactivated_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attribution_codes_brand_key_uq` ON `attribution_codes` (`brand_id`,`kind`,`code_key`);--> statement-breakpoint
CREATE INDEX `attribution_codes_agreement_idx` ON `attribution_codes` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `attribution_codes_campaign_idx` ON `attribution_codes` (`campaign_id`,`active`);--> statement-breakpoint
CREATE TABLE `link_clicks` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`campaign_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`at` integer NOT NULL,
	`referrer_domain` text,
	`device` text NOT NULL,
	`country` text,
	`visitor_hash` text NOT NULL,
	FOREIGN KEY (`slug`) REFERENCES `tracked_links`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `link_clicks_visitor_uq` ON `link_clicks` (`slug`,`visitor_hash`);--> statement-breakpoint
CREATE INDEX `link_clicks_campaign_idx` ON `link_clicks` (`campaign_id`,`at`);--> statement-breakpoint
CREATE INDEX `link_clicks_creator_idx` ON `link_clicks` (`creator_id`,`at`);--> statement-breakpoint
CREATE TABLE `offer_windows` (
	`agreement_id` text PRIMARY KEY NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tracked_links` (
	`slug` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`agreement_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	`deactivated_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tracked_links_agreement_uq` ON `tracked_links` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `tracked_links_campaign_idx` ON `tracked_links` (`campaign_id`,`active`);--> statement-breakpoint
ALTER TABLE `brands` ADD `whatsapp_phone` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `landing_url` text;