CREATE TABLE "failed_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP TABLE "rate_limits" CASCADE;--> statement-breakpoint
CREATE INDEX "failed_attempts_window_started_at_index" ON "failed_attempts" USING btree ("window_started_at");--> statement-breakpoint
-- Calendar feeds end when their owner is deactivated or changes password (decision 019): end the
-- feeds that earlier versions left in force for those cases, so a reactivation revives none.
UPDATE "calendar_feeds" SET "revoked_at" = now()
WHERE "revoked_at" IS NULL
  AND ("user_id" IN (SELECT "id" FROM "users" WHERE NOT "active")
    OR EXISTS (SELECT 1 FROM "accounts" a WHERE a."user_id" = "calendar_feeds"."user_id" AND a."provider_id" = 'credential'
      AND a."updated_at" > "calendar_feeds"."created_at"));
