CREATE TABLE `reminders` (
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`due_at` integer NOT NULL,
	`recipient_user_id` text,
	`recipient_brand_id` text,
	`token` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `subject`, `due_at`)
);
--> statement-breakpoint
CREATE INDEX `agreements_status_sent_idx` ON `agreements` (`status`,`sent_at`);--> statement-breakpoint
CREATE INDEX `applications_status_created_idx` ON `applications` (`status`,`created_at`);