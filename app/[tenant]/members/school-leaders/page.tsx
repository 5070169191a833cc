import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { contactRoleLabels } from '~/server/schools/school-contacts';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { InviteLeadersForm } from '../people-forms';

export const metadata: Metadata = { title: 'Invite headteachers and business managers' };

export default async function SchoolLeadersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const contacts = await guard(api.members.leaderContacts());
  const schools = [...new Map(contacts.map((c) => [c.schoolId, `${c.schoolName} (${c.urn})`])).entries()].map(
    ([value, label]) => ({ value, label }),
  );
  return (
    <div>
      <p>
        <Link href={`/${tenant}/members`} className="text-brand-dark underline">
          People and roles
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Invite headteachers and business managers</h1>
      <p className="mt-2 max-w-3xl">
        From the contacts kept for each school (since the GIAS import): each chosen school’s headteacher or
        business manager is invited as headteacher / school business manager of their own school. People who
        already have access are skipped.
      </p>
      {schools.length === 0 ? (
        <p className="mt-6">No school has a headteacher or business manager with an email address yet.</p>
      ) : (
        <InviteLeadersForm schools={schools} />
      )}
      <h2 className="mt-8 text-2xl font-semibold">Contacts with an email address</h2>
      <DataTable
        className="mt-3"
        caption="Headteachers and business managers with an email address"
        hideCaption
        rows={contacts}
        rowKey={(c) => c.contactId}
        empty="None yet."
        columns={[
          { header: 'School', rowHeader: true, cell: (c) => c.schoolName },
          { header: 'Contact', cell: (c) => `${c.name} (${contactRoleLabels[c.role]})` },
          { header: 'Email', cell: (c) => c.email },
          { header: 'Access', cell: (c) => (c.hasAccess ? 'Has access' : 'Not yet') },
        ]}
      />
    </div>
  );
}
