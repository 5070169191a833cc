import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { forbidden } from 'next/navigation';
import { financeUsers, hasRole, managers } from '~/server/access/role-groups';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { ConnectStripeForm, LogoForm } from './logo-and-stripe-forms';
import { InvoiceSettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Invoice settings' };

export default async function InvoiceSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!hasRole(workspace.roles, financeUsers)) forbidden();
  const s = await guard(api.invoices.settings());
  return (
    <div>
      <p>
        <Link className="underline" href={`/${tenant}/invoices`}>
          All invoices
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Invoice settings</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        What your invoices say, how they are numbered, and how VAT applies.
      </p>
      {workspace.roles.includes('tenant_admin') && (
        <p className="mt-2 max-w-3xl">
          How long people&apos;s records are kept (issued invoices are never changed by an erasure):{' '}
          <Link className="underline" href={`/${tenant}/personal-data/retention`}>
            Retention periods for personal data
          </Link>
          .
        </p>
      )}
      <div className="mt-6">
        <InvoiceSettingsForm
          isLa={workspace.tenant.kind === 'la'}
          initial={{
            legalName: s.legalName,
            address: s.address,
            vatNumber: s.vatNumber,
            invoicePrefix: s.invoicePrefix,
            creditNotePrefix: s.creditNotePrefix,
            journalPrefix: s.journalPrefix,
            paymentTermsDays: s.paymentTermsDays,
            bankDetails: s.bankDetails,
            logoUrl: s.logoUrl,
            standardRateBasisPoints: s.standardRateBasisPoints,
            vatRules: s.vatRules,
            financeCodes: s.financeCodes,
            subscriptionBilling: s.subscriptionBilling,
            journalForMaintained: s.journalForMaintained,
            reminderDays: s.reminderDays,
            offerBacsDebit: s.offerBacsDebit,
          }}
        />
      </div>
      <div className="mt-10 max-w-3xl">
        <LogoForm
          logo={s.logoData && s.logoMimeType ? { mimeType: s.logoMimeType, dataBase64: s.logoData } : null}
        />
      </div>
      <div className="mt-10 max-w-3xl">
        {hasRole(workspace.roles, managers) ? (
          <ConnectStripeForm connected={s.stripeKeyStored} accountId={s.stripeAccountId} />
        ) : (
          <section>
            <h2 className="text-2xl font-semibold">Online payments (Stripe)</h2>
            <p className="mt-2" data-testid="stripe-status">
              {s.stripeKeyStored ? 'Connected.' : 'Not connected.'} A workspace manager connects Stripe.
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
