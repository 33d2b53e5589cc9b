CREATE TABLE `gift_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gift_id` integer NOT NULL,
	`kind` text NOT NULL,
	`quantity` integer NOT NULL,
	`on_hand_after` integer NOT NULL,
	`unit_cost_fen` integer DEFAULT 0 NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`supplier` text DEFAULT '' NOT NULL,
	`purpose` text,
	`member_id` integer,
	`redemption_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`operator_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`gift_id`) REFERENCES `gifts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`redemption_id`) REFERENCES `redemptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "gift_movements_nonneg" CHECK(on_hand_after >= 0)
);
--> statement-breakpoint
CREATE INDEX `gift_movements_gift` ON `gift_movements` (`gift_id`,`id`);--> statement-breakpoint
CREATE INDEX `gift_movements_kind_at` ON `gift_movements` (`kind`,`at`);--> statement-breakpoint
CREATE INDEX `gift_movements_member` ON `gift_movements` (`member_id`);--> statement-breakpoint
CREATE INDEX `gift_movements_redemption` ON `gift_movements` (`redemption_id`);--> statement-breakpoint
CREATE TABLE `gifts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`unit_cost_fen` integer DEFAULT 0 NOT NULL,
	`points_price` integer,
	`reorder_level` integer DEFAULT 0 NOT NULL,
	`available_from` integer,
	`available_until` integer,
	`max_balance` integer,
	`min_tier` text,
	`active` integer DEFAULT true NOT NULL,
	`photo` text,
	`on_hand` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "gifts_on_hand_nonneg" CHECK(on_hand >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gifts_code_unique` ON `gifts` (`code`);--> statement-breakpoint
CREATE INDEX `gifts_category` ON `gifts` (`category`);--> statement-breakpoint
CREATE TABLE `redemptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`points` integer NOT NULL,
	`points_before` integer NOT NULL,
	`points_after` integer NOT NULL,
	`operator_id` integer,
	`operator_name` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `redemptions_member` ON `redemptions` (`member_id`,`at`);