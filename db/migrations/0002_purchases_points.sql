CREATE TABLE `points_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`debt_delta` integer DEFAULT 0 NOT NULL,
	`balance_after` integer NOT NULL,
	`debt_after` integer DEFAULT 0 NOT NULL,
	`purchase_id` integer,
	`ref` text,
	`reason` text DEFAULT '' NOT NULL,
	`operator_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "points_ledger_nonneg" CHECK(balance_after >= 0 AND debt_after >= 0)
);
--> statement-breakpoint
CREATE INDEX `points_ledger_member` ON `points_ledger` (`member_id`,`id`);--> statement-breakpoint
CREATE INDEX `points_ledger_kind_at` ON `points_ledger` (`kind`,`at`);--> statement-breakpoint
CREATE INDEX `points_ledger_purchase` ON `points_ledger` (`purchase_id`);--> statement-breakpoint
CREATE TABLE `purchases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_no` text NOT NULL,
	`line_no` integer DEFAULT 1 NOT NULL,
	`member_id` integer NOT NULL,
	`member_ref` text NOT NULL,
	`purchased_at` integer NOT NULL,
	`purchase_date` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`department` text DEFAULT '' NOT NULL,
	`counter` text DEFAULT '' NOT NULL,
	`no_points` integer DEFAULT false NOT NULL,
	`original_receipt_no` text,
	`points` integer DEFAULT 0 NOT NULL,
	`points_explain` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_receipt_line` ON `purchases` (`receipt_no`,`line_no`);--> statement-breakpoint
CREATE INDEX `purchases_member_time` ON `purchases` (`member_id`,`purchased_at`);--> statement-breakpoint
CREATE INDEX `purchases_date` ON `purchases` (`purchase_date`);--> statement-breakpoint
CREATE INDEX `purchases_original` ON `purchases` (`original_receipt_no`);--> statement-breakpoint
CREATE TABLE `tier_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`from_tier` text NOT NULL,
	`to_tier` text NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	`operator_id` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tier_changes_member` ON `tier_changes` (`member_id`,`at`);--> statement-breakpoint
ALTER TABLE `members` ADD `points_debt` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `valid_until` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `last_purchase_at` integer;--> statement-breakpoint
CREATE INDEX `members_last_purchase` ON `members` (`last_purchase_at`);--> statement-breakpoint
CREATE INDEX `members_valid_until` ON `members` (`valid_until`);