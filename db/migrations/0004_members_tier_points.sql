DROP INDEX `members_tier`;--> statement-breakpoint
CREATE INDEX `members_tier_points` ON `members` (`tier`,`points`);