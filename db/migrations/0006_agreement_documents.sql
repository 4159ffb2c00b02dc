CREATE TABLE `agreement_documents` (
	`agreement_id` text NOT NULL,
	`lang` text NOT NULL,
	`version` integer NOT NULL,
	`r2_key` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`agreement_id`, `lang`),
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_documents_sha_idx` ON `agreement_documents` (`sha256`);