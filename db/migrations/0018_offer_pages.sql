CREATE TABLE `offer_products` (
	`id` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`price_dzd` integer NOT NULL,
	`photo_key` text,
	`photo_type` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `offer_products_campaign_idx` ON `offer_products` (`campaign_id`,`position`);--> statement-breakpoint
CREATE TABLE `offer_views` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`campaign_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`at` integer NOT NULL,
	`device` text NOT NULL,
	`visitor_hash` text NOT NULL,
	FOREIGN KEY (`slug`) REFERENCES `tracked_links`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offer_views_visitor_uq` ON `offer_views` (`slug`,`visitor_hash`);--> statement-breakpoint
CREATE INDEX `offer_views_campaign_idx` ON `offer_views` (`campaign_id`,`at`);--> statement-breakpoint
ALTER TABLE `campaigns` ADD `delivery_terms` text DEFAULT '' NOT NULL;