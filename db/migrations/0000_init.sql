CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`operator_id` integer,
	`operator_name` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`summary` text NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_name_unique` ON `operators` (`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `card_replacements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`old_card_no` text NOT NULL,
	`new_card_no` text NOT NULL,
	`fee_fen` integer NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	`operator_id` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consent_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`channel` text NOT NULL,
	`granted` integer NOT NULL,
	`at` integer NOT NULL,
	`operator_id` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_events_member` ON `consent_events` (`member_id`);--> statement-breakpoint
CREATE TABLE `member_cards` (
	`card_no` text PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`status` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_cards_member` ON `member_cards` (`member_id`);--> statement-breakpoint
CREATE TABLE `member_filter_counts` (
	`status` text NOT NULL,
	`tier` text NOT NULL,
	`source` text NOT NULL,
	`gender` text NOT NULL,
	`province` text NOT NULL,
	`sms_consent` integer NOT NULL,
	`mail_consent` integer NOT NULL,
	`has_phone` integer NOT NULL,
	`birth_month` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`status`, `tier`, `source`, `gender`, `province`, `sms_consent`, `mail_consent`, `has_phone`, `birth_month`)
);
--> statement-breakpoint
CREATE TABLE `member_name_grams` (
	`gram` text NOT NULL,
	`member_id` integer NOT NULL,
	PRIMARY KEY(`gram`, `member_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_name_grams_member` ON `member_name_grams` (`member_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`card_no` text NOT NULL,
	`name` text NOT NULL,
	`gender` text,
	`phone` text,
	`phone_last4` text,
	`birth_year` integer,
	`birth_month` integer,
	`birth_day` integer,
	`birthday_calendar` text DEFAULT 'solar' NOT NULL,
	`birthday_leap_month` integer DEFAULT false NOT NULL,
	`id_number` text,
	`province` text,
	`city` text,
	`district` text,
	`address` text,
	`postal_code` text,
	`tier` text DEFAULT '普卡' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`join_date` integer NOT NULL,
	`source` text DEFAULT '服务台' NOT NULL,
	`referrer_id` integer,
	`sms_consent` integer DEFAULT false NOT NULL,
	`mail_consent` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "members_points_nonneg" CHECK(points >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_card_no_unique` ON `members` (`card_no`);--> statement-breakpoint
CREATE INDEX `members_phone` ON `members` (`phone`);--> statement-breakpoint
CREATE INDEX `members_phone_last4` ON `members` (`phone_last4`);--> statement-breakpoint
CREATE INDEX `members_name` ON `members` (`name`);--> statement-breakpoint
CREATE INDEX `members_birth_md` ON `members` (`birth_month`,`birth_day`);--> statement-breakpoint
CREATE INDEX `members_join_date` ON `members` (`join_date`);--> statement-breakpoint
CREATE INDEX `members_tier` ON `members` (`tier`);--> statement-breakpoint
CREATE INDEX `members_status` ON `members` (`status`);--> statement-breakpoint
CREATE INDEX `members_source` ON `members` (`source`);--> statement-breakpoint
CREATE INDEX `members_points` ON `members` (`points`);--> statement-breakpoint
CREATE INDEX `members_province_city` ON `members` (`province`,`city`);--> statement-breakpoint
CREATE INDEX `members_referrer` ON `members` (`referrer_id`);--> statement-breakpoint
CREATE INDEX `members_id_number` ON `members` (`id_number`);--> statement-breakpoint
CREATE INDEX `members_filter` ON `members` (`status`,`sms_consent`,`mail_consent`,`gender`,`tier`,`source`,`birth_month`,`province`,`city`,`join_date`,`phone_last4`);