ALTER TABLE "audit_events" ADD COLUMN "client_ids" uuid[];--> statement-breakpoint
CREATE INDEX "audit_events_client_ids_idx" ON "audit_events" USING gin ("client_ids") WITH (fastupdate=false);