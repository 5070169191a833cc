import type { Metadata } from 'next';
import { governanceUsers, hasRole, inductionReaders, officers, staff } from '~/server/access/role-groups';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { contactRoleLabels } from '~/server/schools/school-contacts';
import { schoolWebsiteHref, telephoneHref } from '~/server/schools/school-website';
import { AddContactForm, RemoveContactButton } from './school-contacts';
import { SchoolNotesForm } from './school-notes-form';
import { MemberPricesForm } from './member-prices-form';
import { SixthFormForm } from './sixth-form-form';
import { sixthFormLabel } from '~/server/schools/phases';
import { schoolOpenedLine, schoolStatusWithDate } from '~/server/schools/school-status';
import { closedSchoolNote } from '~/server/schools/closed-school';
import { schoolsShownFrom, schoolsShownQuery } from '~/server/schools/schools-shown';
import { priceNameFor, priceNamesOf } from '~/server/catalogue/price-names';

export const metadata: Metadata = { title: 'School' };

export default async function SchoolPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; id: string }>;
  /** The list's choice of schools, carried here so the way back returns to it. */
  searchParams: Promise<{ show?: string }>;
}) {
  const { tenant, id } = await params;
  const { show } = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  const names = priceNamesOf(workspace.tenant.settings);
  const [school, contacts] = await Promise.all([
    guard(api.schools.byId({ id })),
    guard(api.schools.contacts({ schoolId: id })),
  ]);
  const mayEditContacts = workspace.roles.some((r) => r === 'tenant_admin' || r === 'school_admin');
  // Member and non-member prices matter where the workspace sells to schools: packages or courses.
  const sellsToSchools = workspace.tenant.modules.some((m) => m === 'traded' || m === 'courses');
  const mayEditNotes = workspace.roles.some(
    (r) => r === 'tenant_admin' || r === 'adviser' || r === 'la_officer',
  );
  const telephone = telephoneHref(school.telephone);
  const website = schoolWebsiteHref(school.website);
  return (
    <div>
      {/* The list is the workspace staff's; a school's own people reach their school's page from elsewhere. */}
      {hasRole(workspace.roles, staff) && (
        <p>
          <Link
            href={`/${tenant}/schools${schoolsShownQuery(schoolsShownFrom(show))}`}
            className="text-brand-dark underline"
          >
            Back to schools
          </Link>
        </p>
      )}
      <h1 className="mt-2 text-3xl font-bold">{school.name}</h1>
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <dt className="font-semibold">URN</dt>
        <dd>{school.urn}</dd>
        <dt className="font-semibold">LAESTAB</dt>
        <dd>
          {school.laCode}/{school.establishmentNumber}
        </dd>
        <dt className="font-semibold">Local authority</dt>
        <dd>{school.laName}</dd>
        <dt className="font-semibold">Type</dt>
        <dd>
          {school.type} ({school.typeGroup})
        </dd>
        <dt className="font-semibold">Phase</dt>
        <dd>{school.phase}</dd>
        <dt className="font-semibold">Sixth form</dt>
        <dd data-testid="sixth-form">{sixthFormLabel(school)}</dd>
        <dt className="font-semibold">Pupils</dt>
        <dd>{school.numberOfPupils?.toLocaleString('en-GB') ?? 'Not known'}</dd>
        <dt className="font-semibold">Headteacher</dt>
        <dd>{school.headteacherName ?? 'Not known'}</dd>
        <dt className="font-semibold">Address</dt>
        <dd>{[school.street, school.town, school.postcode].filter(Boolean).join(', ')}</dd>
        <dt className="font-semibold">Telephone</dt>
        <dd>
          {telephone ? (
            <a href={telephone} className="text-brand-dark underline">
              {school.telephone}
            </a>
          ) : (
            (school.telephone ?? 'Not known')
          )}
        </dd>
        <dt className="font-semibold">Website</dt>
        <dd className="break-all">
          {website ? (
            <a href={website} className="text-brand-dark underline" rel="noopener noreferrer">
              {school.website}
            </a>
          ) : (
            (school.website ?? 'Not known')
          )}
        </dd>
        {school.trustName && (
          <>
            <dt className="font-semibold">Academy trust</dt>
            <dd>{school.trustName}</dd>
          </>
        )}
        <dt className="font-semibold">Status</dt>
        <dd>
          {schoolStatusWithDate(school)}
          {school.openedOn && (
            <span className="block" data-testid="school-opened">
              {schoolOpenedLine(school)}
            </span>
          )}
        </dd>
        {sellsToSchools && (
          <>
            <dt className="font-semibold">Prices</dt>
            <dd data-testid="member-prices">{priceNameFor(names, school.isPartnershipMember)} prices</dd>
          </>
        )}
      </dl>
      {school.status === 'closed' && (
        <p className="mt-4 max-w-2xl" data-testid="school-closed">
          {closedSchoolNote(school.name)}
        </p>
      )}
      {sellsToSchools && workspace.roles.includes('tenant_admin') && (
        <MemberPricesForm schoolId={school.id} member={school.isPartnershipMember} names={names} />
      )}
      {workspace.tenant.modules.includes('statutory') && hasRole(workspace.roles, officers) && (
        <SixthFormForm schoolId={school.id} hasSixthForm={school.officialSixthForm} />
      )}
      {workspace.tenant.modules.includes('governance') && hasRole(workspace.roles, governanceUsers) && (
        <p className="mt-4">
          <Link className="underline" href={`/${tenant}/governance/${school.id}`}>
            Governing board
          </Link>
        </p>
      )}
      {workspace.tenant.modules.includes('induction') && hasRole(workspace.roles, inductionReaders) && (
        <p className="mt-4">
          <Link className="underline" href={`/${tenant}/induction?school=${school.id}`}>
            Early career teachers at this school
          </Link>
        </p>
      )}
      <section aria-labelledby="contacts" className="mt-6 max-w-3xl">
        <h2 id="contacts" className="text-xl font-semibold">
          Contacts
        </h2>
        {contacts.length === 0 ? (
          <p className="mt-1 text-slate-700">No contacts yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {contacts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  <strong>{contactRoleLabels[c.role]}</strong>: {c.name}
                  {c.email && (
                    <>
                      {' · '}
                      <a href={`mailto:${c.email}`} className="text-brand-dark underline">
                        {c.email}
                      </a>
                    </>
                  )}
                  {c.phone && ` · ${c.phone}`}
                </span>
                {mayEditContacts && <RemoveContactButton id={c.id} schoolId={school.id} name={c.name} />}
              </li>
            ))}
          </ul>
        )}
        {mayEditContacts && <AddContactForm schoolId={school.id} />}
      </section>
      {mayEditNotes ? (
        <SchoolNotesForm schoolId={school.id} initialNotes={school.notes ?? ''} />
      ) : (
        school.notes && <p className="mt-4 whitespace-pre-wrap">{school.notes}</p>
      )}
    </div>
  );
}
