'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpLink, isNonJsonSerializable, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '~/server/routers';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** Client-side tRPC for one workspace: every request carries the workspace it is for. */
export function WorkspaceTRPCProvider({ tenantSlug, children }: { tenantSlug: string; children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }),
  );
  const [trpcClient] = useState(() => {
    const options = {
      url: '/api/trpc',
      transformer: superjson,
      headers: () => ({ 'x-stride-tenant': tenantSlug }),
    };
    return createTRPCClient<AppRouter>({
      links: [
        // A file (Blob, bytes, FormData) goes as its own request with the body streamed; batching is JSON only.
        splitLink({
          condition: (op) => isNonJsonSerializable(op.input),
          true: httpLink(options),
          false: httpBatchLink(options),
        }),
      ],
    });
  });
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
