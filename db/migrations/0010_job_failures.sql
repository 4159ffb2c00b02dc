CREATE TABLE `job_failures` (
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text DEFAULT '' NOT NULL,
	`last_failed_at` integer NOT NULL,
	`dead_at` integer,
	PRIMARY KEY(`kind`, `subject`)
);
