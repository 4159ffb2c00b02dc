CREATE TABLE `agreement_events` (
	`agreement_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`actor_party` text NOT NULL,
	`action` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY(`agreement_id`, `seq`),
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `agreement_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`version` integer NOT NULL,
	`party` text NOT NULL,
	`user_id` text NOT NULL,
	`full_name` text NOT NULL,
	`signed_at` integer NOT NULL,
	`ip` text NOT NULL,
	`user_agent` text NOT NULL,
	`document_sha256` text NOT NULL,
	`consent_sha256` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_signatures_uq` ON `agreement_signatures` (`agreement_id`,`version`,`party`);--> statement-breakpoint
CREATE TABLE `agreement_versions` (
	`agreement_id` text NOT NULL,
	`version` integer NOT NULL,
	`terms` text NOT NULL,
	`document_sha256` text NOT NULL,
	`author_user_id` text,
	`author_party` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`frozen_at` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`agreement_id`, `version`),
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signing_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`user_id` text NOT NULL,
	`party` text NOT NULL,
	`version` integer NOT NULL,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signing_codes_lookup_idx` ON `signing_codes` (`agreement_id`,`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `agreements` ADD `document_sha256` text;--> statement-breakpoint
ALTER TABLE `agreements` ADD `sent_at` integer;--> statement-breakpoint
ALTER TABLE `agreements` ADD `completed_at` integer;--> statement-breakpoint
ALTER TABLE `agreements` ADD `voided_at` integer;--> statement-breakpoint
ALTER TABLE `agreements` ADD `sealed_pdf_key` text;--> statement-breakpoint
ALTER TABLE `agreements` ADD `sealed_pdf_sha256` text;--> statement-breakpoint
CREATE INDEX `agreements_sealed_sha_idx` ON `agreements` (`sealed_pdf_sha256`);