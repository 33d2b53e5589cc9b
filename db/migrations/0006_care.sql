CREATE TABLE `cake_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`month` integer NOT NULL,
	`birthday_day` integer NOT NULL,
	`scheduled_at` integer,
	`deliverer_id` integer,
	`status` text DEFAULT 'planned' NOT NULL,
	`delivered_at` integer,
	`cake_gift_id` integer,
	`flowers_gift_id` integer,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deliverer_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cake_gift_id`) REFERENCES `gifts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flowers_gift_id`) REFERENCES `gifts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cake_deliveries_member_month` ON `cake_deliveries` (`member_id`,`month`);--> statement-breakpoint
CREATE INDEX `cake_deliveries_month` ON `cake_deliveries` (`month`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`department` text NOT NULL,
	`hire_date` integer NOT NULL,
	`phone` text,
	`active` integer DEFAULT true NOT NULL,
	`capacity` integer,
	`operator_id` integer,
	`left_on` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_name_unique` ON `staff` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_operator_id_unique` ON `staff` (`operator_id`);--> statement-breakpoint
CREATE TABLE `vip_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`from_day` integer NOT NULL,
	`until_day` integer,
	`reason` text DEFAULT '' NOT NULL,
	`end_reason` text,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`ended_at` integer,
	`ended_by` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "vip_assignments_period" CHECK(until_day IS NULL OR until_day >= from_day)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vip_assignments_open` ON `vip_assignments` (`member_id`) WHERE until_day IS NULL;--> statement-breakpoint
CREATE INDEX `vip_assignments_member` ON `vip_assignments` (`member_id`,`from_day`);--> statement-breakpoint
CREATE INDEX `vip_assignments_staff` ON `vip_assignments` (`staff_id`,`from_day`);--> statement-breakpoint
CREATE TABLE `vip_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`kind` text NOT NULL,
	`day` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`next_follow_up` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vip_contacts_member` ON `vip_contacts` (`member_id`,`day`);--> statement-breakpoint
CREATE INDEX `vip_contacts_staff` ON `vip_contacts` (`staff_id`,`day`);