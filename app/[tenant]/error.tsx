'use client';

import { SomethingWentWrong, type ErrorBoundaryProps } from '../_components/something-went-wrong';

/** A workspace page that failed unexpectedly: shown inside the workspace's layout, with its menu. */
export default function WorkspacePageError(props: ErrorBoundaryProps) {
  return <SomethingWentWrong {...props} />;
}
