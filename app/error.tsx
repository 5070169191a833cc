'use client';

import { SomethingWentWrong, type ErrorBoundaryProps } from './_components/something-went-wrong';

/** A page that failed unexpectedly, inside the root layout. */
export default function PageError(props: ErrorBoundaryProps) {
  return <SomethingWentWrong {...props} />;
}
