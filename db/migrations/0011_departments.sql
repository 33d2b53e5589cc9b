CREATE TABLE `counter_aliases` (
	`department_id` integer NOT NULL,
	`alias` text NOT NULL,
	`counter_id` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counter_aliases_department_alias` ON `counter_aliases` (`department_id`,`alias`);--> statement-breakpoint
CREATE TABLE `counters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counters_department_name` ON `counters` (`department_id`,`name`);--> statement-breakpoint
CREATE TABLE `department_aliases` (
	`alias` text PRIMARY KEY NOT NULL,
	`department_id` integer NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `department_aliases_department` ON `department_aliases` (`department_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_name_unique` ON `departments` (`name`);--> statement-breakpoint
INSERT INTO `departments` (`name`, `active`, `sort`)
SELECT `name`, 1, row_number() OVER (ORDER BY CASE `name` WHEN '营业一课' THEN 1 WHEN '营业二课' THEN 2 WHEN '营业三课' THEN 3 WHEN '营业四课' THEN 4 WHEN '营业五课' THEN 5 WHEN '企划' THEN 6 WHEN '贵宾室' THEN 7 ELSE 8 END, `name`) FROM (
  SELECT `department` AS `name` FROM `purchases` WHERE `department` <> ''
  UNION SELECT `department` FROM `staff` WHERE `department` <> ''
  UNION SELECT `department` FROM `store_sales` WHERE `department` <> ''
);--> statement-breakpoint
INSERT INTO `departments` (`name`, `active`, `sort`)
SELECT `column1`, 1, `column2` FROM (VALUES ('营业一课', 1), ('营业二课', 2), ('营业三课', 3), ('营业四课', 4), ('营业五课', 5), ('企划', 6), ('贵宾室', 7))
WHERE NOT EXISTS (SELECT 1 FROM `departments`);--> statement-breakpoint
INSERT INTO `counters` (`department_id`, `name`, `active`, `sort`)
SELECT d.`id`, p.`counter`, 1, row_number() OVER (PARTITION BY d.`id` ORDER BY p.`counter`)
FROM (SELECT DISTINCT `department`, `counter` FROM `purchases` WHERE `department` <> '' AND `counter` <> '') p
JOIN `departments` d ON d.`name` = p.`department`;
