ALTER TABLE "catalogue_items" ADD COLUMN "vat_treatment" "vat_treatment";--> statement-breakpoint
ALTER TABLE "chargeable_items" ADD COLUMN "vat_treatment" "vat_treatment";