/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM from its own package folder; bundling it breaks that.
  // pg-boss (the job queue) brings its own pg driver and loads its SQL plans at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss', 'pg'],
  typedRoutes: false,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for a workspace the user does not belong to.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
