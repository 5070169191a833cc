import { Link } from '~/app/_components/link';
import { DocumentLanguage } from './_components/document-language';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12">
      <DocumentLanguage />
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-3 text-lg">Check the address, or start again from your workspaces.</p>
      <p className="mt-6">
        <Link href="/start" className="font-semibold text-brand-dark underline">
          Go to your workspaces
        </Link>
      </p>
    </main>
  );
}
