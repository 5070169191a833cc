/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM from its own package folder; bundling it breaks that.
  serverExternalPackages: ['@electric-sql/pglite'],
  typedRoutes: false,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for a workspace the user does not belong to.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
