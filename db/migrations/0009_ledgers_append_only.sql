-- Ledgers are append-only: a correction is a new reversing entry, never an edit or a deletion.
CREATE TRIGGER `points_ledger_no_update` BEFORE UPDATE ON `points_ledger`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `points_ledger_no_delete` BEFORE DELETE ON `points_ledger`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `gift_movements_no_update` BEFORE UPDATE ON `gift_movements`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `gift_movements_no_delete` BEFORE DELETE ON `gift_movements`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `purchases_no_update` BEFORE UPDATE ON `purchases`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `purchases_no_delete` BEFORE DELETE ON `purchases`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, '台账只能追加，更正请记冲销分录');
END;
