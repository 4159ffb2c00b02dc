CREATE TABLE `campaign_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`invited_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_invitations_campaign_creator_uq` ON `campaign_invitations` (`campaign_id`,`creator_id`);--> statement-breakpoint
CREATE INDEX `campaign_invitations_creator_idx` ON `campaign_invitations` (`creator_id`);--> statement-breakpoint
CREATE INDEX `campaign_invitations_brand_created_idx` ON `campaign_invitations` (`brand_id`,`created_at`);