CREATE TABLE `creator_track_records` (
	`creator_id` text PRIMARY KEY NOT NULL,
	`computed_at` integer NOT NULL,
	`campaigns` integer NOT NULL,
	`published` integer NOT NULL,
	`on_time` integer NOT NULL,
	`disclosed` integer NOT NULL,
	`views_ratio` real,
	`views_compared` integer NOT NULL,
	`fees_dzd` integer NOT NULL,
	`orders` integer NOT NULL,
	`orders_amount_dzd` integer NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
