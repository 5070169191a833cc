ALTER POLICY "action_plan_items_commissioned_provider_read" ON "action_plan_items" TO stride_app USING (current_setting('app.commissioned_read', true) = 'on' and exists (
      select 1 from contract_schools cs
      join commissioning_contracts c on c.tenant_id = cs.tenant_id and c.id = cs.contract_id
      where cs.tenant_id = action_plan_items.tenant_id and cs.school_id = action_plan_items.school_id
        and cs.provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
        and c.status = 'active'));--> statement-breakpoint
ALTER POLICY "action_plans_commissioned_provider_read" ON "action_plans" TO stride_app USING (current_setting('app.commissioned_read', true) = 'on' and exists (
      select 1 from contract_schools cs
      join commissioning_contracts c on c.tenant_id = cs.tenant_id and c.id = cs.contract_id
      where cs.tenant_id = action_plans.tenant_id and cs.school_id = action_plans.school_id
        and cs.provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
        and c.status = 'active'));--> statement-breakpoint
ALTER POLICY "scc_cases_commissioned_provider_read" ON "scc_cases" TO stride_app USING (current_setting('app.commissioned_read', true) = 'on' and exists (
      select 1 from contract_schools cs
      join commissioning_contracts c on c.tenant_id = cs.tenant_id and c.id = cs.contract_id
      where cs.tenant_id = scc_cases.tenant_id and cs.school_id = scc_cases.school_id
        and cs.provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
        and c.status = 'active'));