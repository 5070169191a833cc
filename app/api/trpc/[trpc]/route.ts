import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext, TENANT_HEADER } from '~/server/context';
import { appRouter } from '~/server/routers';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createContext(req.headers.get(TENANT_HEADER)),
  });

export { handler as GET, handler as POST };
