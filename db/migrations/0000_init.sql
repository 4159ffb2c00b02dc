CREATE TABLE `brand_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`email` text NOT NULL,
	`invited_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_by` text,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `brand_invitations_email_idx` ON `brand_invitations` (`email`);--> statement-breakpoint
CREATE TABLE `brand_members` (
	`brand_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`brand_id`, `user_id`),
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `brand_members_user_idx` ON `brand_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `brands` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`owner_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`idle_expires_at` integer NOT NULL,
	`absolute_expires_at` integer NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`locale` text DEFAULT 'fr' NOT NULL,
	`created_at` integer NOT NULL,
	`password_changed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `wilayas` (
	`code` text PRIMARY KEY NOT NULL,
	`name_fr` text NOT NULL,
	`name_ar` text NOT NULL,
	`parent_code` text
);
--> statement-breakpoint
CREATE TABLE `creator_accounts` (
	`creator_id` text NOT NULL,
	`platform` text NOT NULL,
	`handle` text NOT NULL,
	`followers` integer NOT NULL,
	PRIMARY KEY(`creator_id`, `platform`),
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `creators` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`display_name` text NOT NULL,
	`handle` text NOT NULL,
	`wilaya` text,
	`bio` text DEFAULT '' NOT NULL,
	`niches` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`rates` text DEFAULT '{}' NOT NULL,
	`audience` text DEFAULT '{}' NOT NULL,
	`followers_total` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`wilaya`) REFERENCES `wilayas`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `creators_user_uq` ON `creators` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `creators_handle_uq` ON `creators` (`handle`);--> statement-breakpoint
CREATE INDEX `creators_wilaya_followers_idx` ON `creators` (`wilaya`,`followers_total`);--> statement-breakpoint
CREATE TABLE `follower_points` (
	`creator_id` text NOT NULL,
	`platform` text NOT NULL,
	`date` text NOT NULL,
	`followers` integer NOT NULL,
	PRIMARY KEY(`creator_id`, `platform`, `date`),
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `post_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `post_comments_post_idx` ON `post_comments` (`post_id`);--> statement-breakpoint
CREATE TABLE `posts` (
	`id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`platform` text NOT NULL,
	`ref` text NOT NULL,
	`format` text NOT NULL,
	`posted_at` integer NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`reach` integer,
	`likes` integer DEFAULT 0 NOT NULL,
	`comments` integer DEFAULT 0 NOT NULL,
	`saves` integer DEFAULT 0 NOT NULL,
	`shares` integer DEFAULT 0 NOT NULL,
	`sponsored` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `posts_creator_ref_uq` ON `posts` (`creator_id`,`platform`,`ref`);--> statement-breakpoint
CREATE INDEX `posts_creator_posted_idx` ON `posts` (`creator_id`,`posted_at`);--> statement-breakpoint
CREATE TABLE `seed_anomalies` (
	`creator_id` text NOT NULL,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`magnitude` real NOT NULL,
	PRIMARY KEY(`creator_id`, `kind`),
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`pitch` text NOT NULL,
	`fee_dzd` integer NOT NULL,
	`formats` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_campaign_creator_uq` ON `applications` (`campaign_id`,`creator_id`);--> statement-breakpoint
CREATE INDEX `applications_creator_idx` ON `applications` (`creator_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`title` text NOT NULL,
	`objective` text NOT NULL,
	`offer` text DEFAULT '' NOT NULL,
	`brief` text DEFAULT '{}' NOT NULL,
	`formats` text DEFAULT '[]' NOT NULL,
	`wilayas` text DEFAULT '[]' NOT NULL,
	`niches` text DEFAULT '[]' NOT NULL,
	`follower_min` integer DEFAULT 8000 NOT NULL,
	`follower_max` integer DEFAULT 35000 NOT NULL,
	`budget_dzd` integer DEFAULT 0 NOT NULL,
	`reuse_rights_days` integer DEFAULT 30 NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`apply_by` integer,
	`status` text NOT NULL,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaigns_brand_idx` ON `campaigns` (`brand_id`,`status`);--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`,`apply_by`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to_email` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);