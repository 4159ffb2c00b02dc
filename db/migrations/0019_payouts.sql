CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`state` text NOT NULL,
	`token` text NOT NULL,
	`locked_until` integer NOT NULL,
	`response_status` integer,
	`response_type` text,
	`response_body` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_expires_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`transaction_id` text NOT NULL,
	`seq` integer NOT NULL,
	`account` text NOT NULL,
	`amount_dzd` integer NOT NULL,
	PRIMARY KEY(`transaction_id`, `seq`),
	-- Hand-written (drizzle cannot say it): whole dinars, never 0.
	CHECK (typeof(`amount_dzd`) = 'integer' AND `amount_dzd` <> 0)
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_account_idx` ON `ledger_entries` (`account`);--> statement-breakpoint
CREATE TABLE `ledger_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`payout_id` text,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`idempotency_key` text,
	`entries` text NOT NULL,
	`entry_count` integer NOT NULL,
	`created_by_user_id` text,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_transactions_agreement_idx` ON `ledger_transactions` (`agreement_id`,`at`);--> statement-breakpoint
CREATE INDEX `ledger_transactions_payout_idx` ON `ledger_transactions` (`payout_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_transactions_idempotency_uq` ON `ledger_transactions` (`idempotency_key`,`kind`);--> statement-breakpoint
CREATE TABLE `payouts` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`brand_id` text NOT NULL,
	`creator_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`seq` integer NOT NULL,
	`milestone` text NOT NULL,
	`amount_dzd` integer NOT NULL,
	`scheduled_dzd` integer NOT NULL,
	`due_days` integer NOT NULL,
	`status` text NOT NULL,
	`falls_due_at` integer,
	`deadline_at` integer,
	`paid_at` integer,
	`paid_by_user_id` text,
	`method` text,
	`reference` text,
	`proof_key` text,
	`proof_type` text,
	`proof_sha256` text,
	`confirmed_at` integer,
	`disputed_at` integer,
	`dispute_reason` text,
	`resolved_at` integer,
	`resolution` text,
	`resolution_note` text,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payouts_agreement_seq_uq` ON `payouts` (`agreement_id`,`seq`);--> statement-breakpoint
CREATE INDEX `payouts_brand_status_idx` ON `payouts` (`brand_id`,`status`,`deadline_at`);--> statement-breakpoint
CREATE INDEX `payouts_creator_status_idx` ON `payouts` (`creator_id`,`status`,`deadline_at`);--> statement-breakpoint
-- The ledger cannot be bypassed (hand-written, issue 13). A transaction carries its entries
-- (`entries`, JSON [[account, amount], …], and their number): it is refused unless there are at
-- least two, each a whole non-zero number of dinars on a named account, summing to zero. Its
-- own trigger then writes them to ledger_entries; no other entry can be written (none without
-- its transaction, none beyond its count), and neither table is ever updated or deleted.
-- Corrections are new transactions.
CREATE TRIGGER `ledger_transactions_balanced` BEFORE INSERT ON `ledger_transactions`
WHEN NOT json_valid(NEW.entries) OR json_type(NEW.entries) IS NOT 'array'
	OR json_array_length(NEW.entries) < 2 OR json_array_length(NEW.entries) IS NOT NEW.entry_count
	OR EXISTS (SELECT 1 FROM json_each(NEW.entries) WHERE json_type(value, '$[1]') IS NOT 'integer' OR json_extract(value, '$[1]') = 0
		OR json_type(value, '$[0]') IS NOT 'text' OR json_extract(value, '$[0]') = '')
	OR (SELECT sum(json_extract(value, '$[1]')) FROM json_each(NEW.entries)) <> 0
BEGIN
	SELECT RAISE(ABORT, 'ledger: a transaction''s entries must sum to zero');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transactions_entries` AFTER INSERT ON `ledger_transactions`
BEGIN
	INSERT INTO `ledger_entries` (`transaction_id`, `seq`, `account`, `amount_dzd`)
	SELECT NEW.id, `key` + 1, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(NEW.entries);
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_from_transaction` BEFORE INSERT ON `ledger_entries`
WHEN NOT EXISTS (SELECT 1 FROM `ledger_transactions` WHERE `id` = NEW.transaction_id)
	OR (SELECT count(*) FROM `ledger_entries` WHERE `transaction_id` = NEW.transaction_id) >= (SELECT `entry_count` FROM `ledger_transactions` WHERE `id` = NEW.transaction_id)
BEGIN
	SELECT RAISE(ABORT, 'ledger: entries are written with their transaction only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
BEGIN
	SELECT RAISE(ABORT, 'ledger: entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries`
BEGIN
	SELECT RAISE(ABORT, 'ledger: entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transactions_no_update` BEFORE UPDATE ON `ledger_transactions`
BEGIN
	SELECT RAISE(ABORT, 'ledger: transactions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transactions_no_delete` BEFORE DELETE ON `ledger_transactions`
BEGIN
	SELECT RAISE(ABORT, 'ledger: transactions are append-only');
END;
