CREATE TABLE `creator_risk_flags` (
	`creator_id` text NOT NULL,
	`code` text NOT NULL,
	`score` integer NOT NULL,
	`reason` text NOT NULL,
	`computed_at` integer NOT NULL,
	`explanation` text,
	`explained_at` integer,
	PRIMARY KEY(`creator_id`, `code`),
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `creator_features` ADD `affinity_terms` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_features` ADD `risk_score` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_features` ADD `posts_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `creator_features` ADD `comments_sampled` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `match_weights` text;