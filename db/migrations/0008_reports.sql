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
CREATE INDEX `members_join_source` ON `members` (`join_date`,`source`,`status`);--> statement-breakpoint
-- Purchases and points movements are append-only, so these two insert triggers keep the monthly
-- sums exact; the dashboard reads the sums instead of millions of lines.
CREATE TRIGGER `purchases_sales_monthly` AFTER INSERT ON `purchases`
BEGIN
  INSERT INTO `sales_monthly` (`month`, `department`, `amount_fen`, `lines`, `return_lines`)
  VALUES (NEW.`purchase_date` / 100, NEW.`department`, NEW.`amount_fen`, NEW.`amount_fen` > 0, NEW.`amount_fen` < 0)
  ON CONFLICT (`month`, `department`) DO UPDATE SET `amount_fen` = `amount_fen` + excluded.`amount_fen`,
    `lines` = `lines` + excluded.`lines`, `return_lines` = `return_lines` + excluded.`return_lines`;
END;--> statement-breakpoint
-- The month of `at` in local time, the same clock the app's dates use (both read the system zone).
CREATE TRIGGER `points_ledger_monthly` AFTER INSERT ON `points_ledger`
BEGIN
  INSERT INTO `points_monthly` (`month`, `kind`, `department`, `points`, `entries`)
  VALUES (CAST(strftime('%Y%m', NEW.`at` / 1000, 'unixepoch', 'localtime') AS INTEGER), NEW.`kind`,
    coalesce((SELECT `department` FROM `purchases` WHERE `id` = NEW.`purchase_id`), ''), NEW.`delta`, 1)
  ON CONFLICT (`month`, `kind`, `department`) DO UPDATE SET `points` = `points` + excluded.`points`,
    `entries` = `entries` + 1;
END;--> statement-breakpoint
INSERT INTO `sales_monthly` (`month`, `department`, `amount_fen`, `lines`, `return_lines`)
SELECT `purchase_date` / 100, `department`, sum(`amount_fen`), sum(`amount_fen` > 0), sum(`amount_fen` < 0)
FROM `purchases` GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO `points_monthly` (`month`, `kind`, `department`, `points`, `entries`)
SELECT CAST(strftime('%Y%m', l.`at` / 1000, 'unixepoch', 'localtime') AS INTEGER), l.`kind`, coalesce(p.`department`, ''),
  sum(l.`delta`), count(*)
FROM `points_ledger` l LEFT JOIN `purchases` p ON p.`id` = l.`purchase_id` GROUP BY 1, 2, 3;
