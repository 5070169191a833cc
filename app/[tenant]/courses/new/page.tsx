import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { priceNamesOf } from '~/server/catalogue/price-names';
import { programmesFor } from '~/server/courses/course-labels';
import { loadWorkspace } from '../../../_lib/server-api';
import { CourseForm } from '../course-form';

export const metadata: Metadata = { title: 'New course' };

export default async function NewCoursePage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  return (
    <div>
      <p>
        <Link href={`/${tenant}/courses`} className="underline">
          All courses
        </Link>
      </p>
      <h1 className="mt-2 mb-6 text-3xl font-bold">New course</h1>
      <p className="mb-6">The course is saved as a draft; publish it to the catalogue from its page.</p>
      <CourseForm
        tenant={tenant}
        names={priceNamesOf(workspace.tenant.settings)}
        programmes={programmesFor(workspace.tenant.modules)}
        vat={await api.courses.vatDefault()}
        statutoryGovernorTraining={workspace.tenant.modules.includes('governance')}
      />
    </div>
  );
}
