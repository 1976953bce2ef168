ALTER TABLE "clients" ADD COLUMN "name_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "name_key_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "name_keys_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "phone_digits" text GENERATED ALWAYS AS (nullif(regexp_replace(regexp_replace(regexp_replace(coalesce("clients"."phone", ''), '[^0-9]', '', 'g'), '^00', ''), '^420(?=[0-9]{9}$)', ''), '')) STORED;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "merged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_merged_into_id_clients_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clients_name_keys_idx" ON "clients" USING gin ("name_keys");--> statement-breakpoint
CREATE INDEX "clients_name_key_text_trgm_idx" ON "clients" USING gin ("name_key_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clients_phone_digits_reversed_idx" ON "clients" USING btree (reverse("phone_digits") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "clients_email_lower_idx" ON "clients" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "clients_merged_into_id_index" ON "clients" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "clients_name_keys_version_index" ON "clients" USING btree ("name_keys_version");