-- Keeps member_filter_counts equal to a GROUP BY over members (see db/schema/members.ts).
INSERT INTO `member_filter_counts` (`status`, `tier`, `source`, `gender`, `province`, `sms_consent`, `mail_consent`, `has_phone`, `birth_month`, `n`)
SELECT `status`, `tier`, `source`, coalesce(`gender`, ''), coalesce(`province`, ''), `sms_consent`, `mail_consent`, `phone_last4` IS NOT NULL, coalesce(`birth_month`, 0), count(*)
FROM `members` GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint
CREATE TRIGGER `members_filter_counts_insert` AFTER INSERT ON `members` BEGIN
  INSERT INTO `member_filter_counts` (`status`, `tier`, `source`, `gender`, `province`, `sms_consent`, `mail_consent`, `has_phone`, `birth_month`, `n`)
  VALUES (NEW.`status`, NEW.`tier`, NEW.`source`, coalesce(NEW.`gender`, ''), coalesce(NEW.`province`, ''), NEW.`sms_consent`, NEW.`mail_consent`, NEW.`phone_last4` IS NOT NULL, coalesce(NEW.`birth_month`, 0), 1)
  ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `members_filter_counts_delete` AFTER DELETE ON `members` BEGIN
  UPDATE `member_filter_counts` SET `n` = `n` - 1
  WHERE `status` = OLD.`status` AND `tier` = OLD.`tier` AND `source` = OLD.`source` AND `gender` = coalesce(OLD.`gender`, '')
    AND `province` = coalesce(OLD.`province`, '') AND `sms_consent` = OLD.`sms_consent` AND `mail_consent` = OLD.`mail_consent`
    AND `has_phone` = (OLD.`phone_last4` IS NOT NULL) AND `birth_month` = coalesce(OLD.`birth_month`, 0);
END;
--> statement-breakpoint
CREATE TRIGGER `members_filter_counts_update` AFTER UPDATE OF `status`, `tier`, `source`, `gender`, `province`, `sms_consent`, `mail_consent`, `phone_last4`, `birth_month` ON `members` BEGIN
  UPDATE `member_filter_counts` SET `n` = `n` - 1
  WHERE `status` = OLD.`status` AND `tier` = OLD.`tier` AND `source` = OLD.`source` AND `gender` = coalesce(OLD.`gender`, '')
    AND `province` = coalesce(OLD.`province`, '') AND `sms_consent` = OLD.`sms_consent` AND `mail_consent` = OLD.`mail_consent`
    AND `has_phone` = (OLD.`phone_last4` IS NOT NULL) AND `birth_month` = coalesce(OLD.`birth_month`, 0);
  INSERT INTO `member_filter_counts` (`status`, `tier`, `source`, `gender`, `province`, `sms_consent`, `mail_consent`, `has_phone`, `birth_month`, `n`)
  VALUES (NEW.`status`, NEW.`tier`, NEW.`source`, coalesce(NEW.`gender`, ''), coalesce(NEW.`province`, ''), NEW.`sms_consent`, NEW.`mail_consent`, NEW.`phone_last4` IS NOT NULL, coalesce(NEW.`birth_month`, 0), 1)
  ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
