CREATE TABLE `birthday_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`design` text NOT NULL,
	`labels` text,
	`label_offset` integer DEFAULT 0 NOT NULL,
	`reprint` integer DEFAULT false NOT NULL,
	`card_count` integer NOT NULL,
	`card_unit_fen` integer NOT NULL,
	`sms_segments` integer DEFAULT 0 NOT NULL,
	`sms_fen` integer DEFAULT 0 NOT NULL,
	`gift_count` integer DEFAULT 0 NOT NULL,
	`gift_fen` integer DEFAULT 0 NOT NULL,
	`operator_id` integer,
	`operator_name` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "birthday_batches_counts" CHECK(card_count > 0)
);
--> statement-breakpoint
CREATE INDEX `birthday_batches_month` ON `birthday_batches` (`month`,`id`);--> statement-breakpoint
CREATE TABLE `birthday_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`birthday_date` text NOT NULL,
	`status` text DEFAULT 'printed' NOT NULL,
	`status_at` integer NOT NULL,
	`status_by` integer,
	`status_by_name` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `birthday_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`status_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `birthday_cards_member` ON `birthday_cards` (`member_id`,`birthday_date`);--> statement-breakpoint
CREATE INDEX `birthday_cards_date` ON `birthday_cards` (`birthday_date`,`member_id`);--> statement-breakpoint
CREATE INDEX `birthday_cards_batch` ON `birthday_cards` (`batch_id`);--> statement-breakpoint
CREATE TABLE `birthday_sms_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`messages` integer NOT NULL,
	`segments` integer NOT NULL,
	`unit_fen` integer NOT NULL,
	`cost_fen` integer NOT NULL,
	`operator_id` integer,
	`operator_name` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `birthday_sms_exports_month` ON `birthday_sms_exports` (`month`,`id`);--> statement-breakpoint
DROP INDEX `members_birth_md`;--> statement-breakpoint
ALTER TABLE `members` ADD `address_ok` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `address_returned_at` integer;--> statement-breakpoint
CREATE INDEX `members_birthday` ON `members` (`birth_month`,`birth_day`,`birthday_calendar`,`birthday_leap_month`,`status`,`address_ok`,`address_returned_at`,`sms_consent`,`mail_consent`,`tier`,`card_no`);--> statement-breakpoint
CREATE INDEX `members_address_unknown` ON `members` (`id`) WHERE address_ok IS NULL;--> statement-breakpoint
-- A changed address is worked out again (address_ok back to null) and is no longer the one a card
-- came back from. Same-value saves (the member form writes every field) leave both alone.
CREATE TRIGGER `members_address_changed` AFTER UPDATE OF `province`, `city`, `district`, `address`, `postal_code` ON `members`
WHEN OLD.`province` IS NOT NEW.`province` OR OLD.`city` IS NOT NEW.`city` OR OLD.`district` IS NOT NEW.`district`
  OR OLD.`address` IS NOT NEW.`address` OR OLD.`postal_code` IS NOT NEW.`postal_code`
BEGIN
  UPDATE `members` SET `address_ok` = NULL, `address_returned_at` = NULL WHERE `id` = NEW.`id`;
END;
