ALTER TABLE `brand_invitations` ADD `declined_at` integer;--> statement-breakpoint
ALTER TABLE `brand_invitations` ADD `revoked_at` integer;--> statement-breakpoint
CREATE INDEX `brand_invitations_brand_idx` ON `brand_invitations` (`brand_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `current_brand_id` text REFERENCES brands(id);--> statement-breakpoint
CREATE INDEX `brands_owner_idx` ON `brands` (`owner_user_id`);