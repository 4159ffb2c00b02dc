CREATE TABLE `content_assets` (
	`id` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`agreement_id` text NOT NULL,
	`deliverable_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`platform` text NOT NULL,
	`format` text NOT NULL,
	`channels` text NOT NULL,
	`perpetual` integer NOT NULL,
	`rights_days` integer,
	`rights_from` integer,
	`rights_until` integer,
	`withdrawn_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `deliverable_submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_assets_deliverable_uq` ON `content_assets` (`deliverable_id`);--> statement-breakpoint
CREATE INDEX `content_assets_brand_idx` ON `content_assets` (`brand_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `content_assets_rights_idx` ON `content_assets` (`rights_until`);--> statement-breakpoint
CREATE TABLE `deliverable_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`deliverable_id` text NOT NULL,
	`author_party` text NOT NULL,
	`author_user_id` text,
	`kind` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`draft_version` integer,
	`stats_window` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deliverable_messages_thread_idx` ON `deliverable_messages` (`deliverable_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `deliverable_stats` (
	`deliverable_id` text NOT NULL,
	`window` text NOT NULL,
	`views` integer NOT NULL,
	`reach` integer NOT NULL,
	`likes` integer NOT NULL,
	`comments` integer NOT NULL,
	`saves` integer NOT NULL,
	`shares` integer NOT NULL,
	`replies` integer NOT NULL,
	`link_clicks` integer NOT NULL,
	`navigation` integer,
	`exits` integer,
	`screenshot_id` text,
	`status` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`approved_at` integer,
	PRIMARY KEY(`deliverable_id`, `window`),
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`screenshot_id`) REFERENCES `stats_screenshots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `deliverable_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`deliverable_id` text NOT NULL,
	`version` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`file_key` text,
	`file_type` text,
	`file_size` integer,
	`file_sha256` text,
	`file_name` text,
	`user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliverable_submissions_version_uq` ON `deliverable_submissions` (`deliverable_id`,`version`);--> statement-breakpoint
CREATE TABLE `deliverable_withdrawals` (
	`id` text PRIMARY KEY NOT NULL,
	`deliverable_id` text NOT NULL,
	`agreement_id` text NOT NULL,
	`requested_by_party` text NOT NULL,
	`requested_by_user_id` text,
	`reason` text NOT NULL,
	`requested_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`status` text NOT NULL,
	`confirmed_at` integer,
	`confirmed_by_user_id` text,
	`payment_effect` text NOT NULL,
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliverable_withdrawals_deliverable_uq` ON `deliverable_withdrawals` (`deliverable_id`);--> statement-breakpoint
CREATE INDEX `deliverable_withdrawals_status_idx` ON `deliverable_withdrawals` (`status`,`deadline_at`);--> statement-breakpoint
CREATE TABLE `deliverables` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`seq` integer NOT NULL,
	`platform` text NOT NULL,
	`format` text NOT NULL,
	`ordinal` integer NOT NULL,
	`status` text NOT NULL,
	`publish_on` text NOT NULL,
	`draft_due_at` integer NOT NULL,
	`review_due_at` integer NOT NULL,
	`publish_due_at` integer NOT NULL,
	`story_highlight_hours` integer,
	`review_days` integer NOT NULL,
	`correction_rounds` integer NOT NULL,
	`rounds_used` integer DEFAULT 0 NOT NULL,
	`extra_round_asked_at` integer,
	`draft_version` integer DEFAULT 0 NOT NULL,
	`last_submitted_at` integer,
	`approved_at` integer,
	`post_url` text,
	`published_at` integer,
	`disclosure` text,
	`publication_review` text,
	`publication_flag` text,
	`highlight_hours` integer,
	`withdrawn_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliverables_agreement_seq_uq` ON `deliverables` (`agreement_id`,`seq`);--> statement-breakpoint
CREATE INDEX `deliverables_brand_idx` ON `deliverables` (`brand_id`,`status`);--> statement-breakpoint
CREATE INDEX `deliverables_creator_idx` ON `deliverables` (`creator_id`,`status`);--> statement-breakpoint
CREATE INDEX `deliverables_campaign_idx` ON `deliverables` (`campaign_id`,`publish_due_at`);--> statement-breakpoint
CREATE INDEX `deliverables_status_idx` ON `deliverables` (`status`,`draft_due_at`);