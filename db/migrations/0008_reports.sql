CREATE TABLE `points_monthly` (
	`month` integer NOT NULL,
	`kind` text NOT NULL,
	`department` text NOT NULL,
	`points` integer NOT NULL,
	`entries` integer NOT NULL,
	PRIMARY KEY(`month`, `kind`, `department`)
);
--> statement-breakpoint
CREATE TABLE `sales_monthly` (
	`month` integer NOT NULL,
	`department` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`lines` integer NOT NULL,
	`return_lines` integer NOT NULL,
	PRIMARY KEY(`month`, `department`)
);
--> statement-breakpoint
CREATE TABLE `store_sales` (
	`month` integer NOT NULL,
	`department` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`source` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	PRIMARY KEY(`month`, `department`),
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `members_join_date`;--> statement-breakpoint
CREATE INDEX `members_join_source` ON `members` (`join_date`,`source`);--> statement-breakpoint
-- The monthly sums are caches of the purchases and the points ledger, kept by the services in the
-- same transaction as each line (db/services/reports/monthlySums.ts); here they start from the lines
-- already there. Months of points movements are local time, as the app reads every day.
INSERT INTO `sales_monthly` (`month`, `department`, `amount_fen`, `lines`, `return_lines`)
SELECT `purchase_date` / 100, `department`, sum(`amount_fen`), sum(`amount_fen` > 0), sum(`amount_fen` < 0)
FROM `purchases` GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO `points_monthly` (`month`, `kind`, `department`, `points`, `entries`)
SELECT CAST(strftime('%Y%m', l.`at` / 1000, 'unixepoch', 'localtime') AS INTEGER), l.`kind`, coalesce(p.`department`, ''),
  sum(l.`delta`), count(*)
FROM `points_ledger` l LEFT JOIN `purchases` p ON p.`id` = l.`purchase_id` GROUP BY 1, 2, 3;
