CREATE TABLE "break_glass_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"client_branch_id" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "consultation_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "consultation_id" uuid;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_grants_user_id_client_id_expires_at_index" ON "break_glass_grants" USING btree ("user_id","client_id","expires_at");--> statement-breakpoint
CREATE INDEX "break_glass_grants_granted_at_index" ON "break_glass_grants" USING btree ("granted_at");--> statement-breakpoint
CREATE INDEX "break_glass_grants_client_id_index" ON "break_glass_grants" USING btree ("client_id");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_consultation_id_consultations_service_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("service_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_consultation_id_consultations_service_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("service_id") ON DELETE no action ON UPDATE no action;