import { SiteHeader } from '../../../_components/site-header';

/** Any link that finds no invitation (unknown, of the wrong length, another workspace's): one plain answer. */
export default function RenewalLinkNotFound() {
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <title>Link not valid – Stride</title>
        <h1 className="text-3xl font-bold">This link is not valid</h1>
        <p className="mt-4 text-lg">Ask whoever sent you the link for a new one.</p>
      </main>
    </>
  );
}
