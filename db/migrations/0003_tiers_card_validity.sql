CREATE TABLE `card_renewals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`from_valid_until` integer,
	`to_valid_until` integer NOT NULL,
	`earned_points` integer DEFAULT 0 NOT NULL,
	`automatic` integer DEFAULT false NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	`operator_id` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `card_renewals_member` ON `card_renewals` (`member_id`,`at`);--> statement-breakpoint
CREATE TABLE `tier_jobs` (
	`job` text NOT NULL,
	`day` integer NOT NULL,
	`changed` integer NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	`operator_id` integer,
	PRIMARY KEY(`job`, `day`),
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `members_last_purchase`;--> statement-breakpoint
DROP INDEX `members_valid_until`;--> statement-breakpoint
CREATE INDEX `members_last_purchase` ON `members` (`last_purchase_at`,`status`,`join_date`);--> statement-breakpoint
CREATE INDEX `members_valid_until` ON `members` (`valid_until`,`status`);--> statement-breakpoint
DROP INDEX `purchases_member_time`;--> statement-breakpoint
CREATE INDEX `purchases_member_time` ON `purchases` (`member_id`,`purchased_at`,`amount_fen`);