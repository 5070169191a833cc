-- An invoice credited in full now releases the subscription terms it billed (create-credit-note.ts), as a void
-- does, so the billing run bills them again. Invoices credited in full before that still hold their terms' source
-- keys: release them the same way (the key moves to released_source_key). A part-credited invoice keeps its
-- terms, and charges (chargeable:…) stay invoiced. Only issued invoices with a credit note are touched (never a
-- draft or void, nor a zero-value invoice with no credit), and a released line has no source key left, so running
-- it again changes nothing.
UPDATE "invoice_lines" AS l
SET "released_source_key" = l."source_key", "source_key" = NULL
FROM "invoices" AS i
WHERE i."tenant_id" = l."tenant_id"
  AND i."id" = l."invoice_id"
  AND i."status" IN ('issued', 'part_paid', 'paid')
  AND i."credited_pence" > 0
  AND i."credited_pence" >= i."gross_pence"
  AND EXISTS (
    SELECT 1 FROM "credit_notes" AS cn WHERE cn."tenant_id" = i."tenant_id" AND cn."invoice_id" = i."id"
  )
  AND l."source_key" LIKE 'subscription:%';
