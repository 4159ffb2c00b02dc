CREATE TABLE `conversions` (
	`id` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`order_ref` text NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`source` text,
	`channel` text NOT NULL,
	`amount_dzd` integer NOT NULL,
	`at` integer NOT NULL,
	`delivery_status` text NOT NULL,
	`creator_id` text,
	`attributed_by` text,
	`created_by_user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversions_brand_order_uq` ON `conversions` (`brand_id`,`order_ref`);--> statement-breakpoint
CREATE INDEX `conversions_campaign_idx` ON `conversions` (`campaign_id`,`at`);--> statement-breakpoint
CREATE INDEX `conversions_creator_idx` ON `conversions` (`creator_id`,`at`);--> statement-breakpoint
CREATE TABLE `intentions` (
	`id` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`created_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `intentions_campaign_idx` ON `intentions` (`campaign_id`,`at`);