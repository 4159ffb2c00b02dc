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
	-- Hand-written (drizzle cannot say it): whole dinars, never 0, and every entry belongs to a
	-- transaction, checked when the batch commits (the transaction row is written after its entries).
	CHECK (typeof(`amount_dzd`) = 'integer' AND `amount_dzd` <> 0),
	FOREIGN KEY (`transaction_id`) REFERENCES `ledger_transactions`(`id`) DEFERRABLE INITIALLY DEFERRED
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
-- The ledger cannot be bypassed (hand-written, issue 13): a transaction is written after its
-- entries and only if they sum to zero (at least two); once written, nothing is added to it;
-- neither table is ever updated or deleted. Corrections are new transactions.
CREATE TRIGGER `ledger_transactions_balanced` BEFORE INSERT ON `ledger_transactions`
WHEN (SELECT count(*) FROM `ledger_entries` WHERE `transaction_id` = NEW.id) < 2
	OR (SELECT sum(`amount_dzd`) FROM `ledger_entries` WHERE `transaction_id` = NEW.id) <> 0
BEGIN
	SELECT RAISE(ABORT, 'ledger: a transaction''s entries must sum to zero');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_sealed` BEFORE INSERT ON `ledger_entries`
WHEN EXISTS (SELECT 1 FROM `ledger_transactions` WHERE `id` = NEW.transaction_id)
BEGIN
	SELECT RAISE(ABORT, 'ledger: a written transaction takes no more entries');
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
