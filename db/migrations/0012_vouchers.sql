CREATE TABLE `campaign_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`staff_id` integer,
	`outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`next_try` integer,
	`at` integer NOT NULL,
	`operator_id` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_calls_member` ON `campaign_calls` (`campaign_id`,`member_id`,`at`);--> statement-breakpoint
CREATE TABLE `campaign_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`staff_id` integer,
	`voucher_id` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_members_one` ON `campaign_members` (`campaign_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `campaign_members_staff` ON `campaign_members` (`campaign_id`,`staff_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`segment` text NOT NULL,
	`voucher_kind` text,
	`return_days` integer NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `voucher_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`receipt_no` text,
	`channel` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`operator_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `voucher_events_voucher` ON `voucher_events` (`voucher_id`,`id`);--> statement-breakpoint
CREATE INDEX `voucher_events_kind_at` ON `voucher_events` (`kind`,`at`);--> statement-breakpoint
CREATE UNIQUE INDEX `voucher_events_one_each` ON `voucher_events` (`voucher_id`,`kind`);--> statement-breakpoint
CREATE TABLE `vouchers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_no` text NOT NULL,
	`kind` text NOT NULL,
	`value_fen` integer NOT NULL,
	`member_id` integer NOT NULL,
	`source` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`ref` text,
	`points_used` integer DEFAULT 0 NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`min_spend_fen` integer DEFAULT 0 NOT NULL,
	`departments` text DEFAULT '[]' NOT NULL,
	`earns_points` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'issued' NOT NULL,
	`issued_at` integer NOT NULL,
	`issued_by` integer,
	`used_receipt_no` text,
	`used_at` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "vouchers_value_positive" CHECK(value_fen > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_voucher_no_unique` ON `vouchers` (`voucher_no`);--> statement-breakpoint
CREATE INDEX `vouchers_member` ON `vouchers` (`member_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `vouchers_status_until` ON `vouchers` (`status`,`valid_until`);--> statement-breakpoint
CREATE INDEX `vouchers_issued_at` ON `vouchers` (`issued_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_ref` ON `vouchers` (`ref`);--> statement-breakpoint
-- Vouchers change only by their events: the row's status may move once, from issued, and nothing else of it may change.
CREATE TRIGGER `vouchers_status_only` BEFORE UPDATE ON `vouchers`
WHEN OLD.status <> 'issued' OR NEW.status = 'issued' OR NEW.voucher_no <> OLD.voucher_no OR NEW.kind <> OLD.kind
  OR NEW.value_fen <> OLD.value_fen OR NEW.member_id <> OLD.member_id OR NEW.points_used <> OLD.points_used
  OR NEW.valid_from <> OLD.valid_from OR NEW.valid_until <> OLD.valid_until OR NEW.issued_at <> OLD.issued_at
BEGIN
  SELECT RAISE(ABORT, '券只能通过核销、过期或作废改变状态');
END;
--> statement-breakpoint
CREATE TRIGGER `vouchers_no_delete` BEFORE DELETE ON `vouchers`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `voucher_events_no_update` BEFORE UPDATE ON `voucher_events`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `voucher_events_no_delete` BEFORE DELETE ON `voucher_events`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `campaign_calls_no_update` BEFORE UPDATE ON `campaign_calls`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `campaign_calls_no_delete` BEFORE DELETE ON `campaign_calls`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
