'use client';

import { SomethingWentWrong } from './_components/something-went-wrong';

/** A page that failed unexpectedly, inside the layout (so a workspace keeps its menu). */
export default function PageError({
  error,
  reset,
  retry,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  /** Next 16: refreshes the server's part of the page, then resets: a server render that failed is tried again. */
  retry?: () => void;
}) {
  return <SomethingWentWrong digest={error.digest} onRetry={retry ?? reset} />;
}
