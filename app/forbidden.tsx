import { Link } from '~/app/_components/link';
import { DocumentLanguage } from './_components/document-language';

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12">
      <DocumentLanguage />
      <h1 className="text-3xl font-bold">You do not have access to this page</h1>
      <p className="mt-3 text-lg">
        This workspace or section is not open to your account. If you think you should have access, ask the
        workspace&apos;s manager to add you.
      </p>
      <p className="mt-6">
        <Link href="/start" className="font-semibold text-brand-dark underline">
          Go to your workspaces
        </Link>
      </p>
    </main>
  );
}
