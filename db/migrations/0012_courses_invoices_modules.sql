-- CPD courses and invoicing became modules of their own (they were part of "traded"): a workspace that
-- sells traded services keeps them switched on.
UPDATE tenants SET modules = modules || ARRAY['courses', 'invoices']::text[]
WHERE 'traded' = ANY(modules) AND NOT ('courses' = ANY(modules));
