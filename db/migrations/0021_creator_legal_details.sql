ALTER TABLE `creators` ADD `legal_name` text;--> statement-breakpoint
ALTER TABLE `creators` ADD `legal_rc_number` text;--> statement-breakpoint
ALTER TABLE `creators` ADD `legal_nif` text;--> statement-breakpoint
ALTER TABLE `creators` ADD `legal_auto_entrepreneur_card` text;