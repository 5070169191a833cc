/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM from its own package folder; bundling it breaks that.
  // pg-boss (the job queue) brings its own pg driver and loads its SQL plans at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss', 'pg'],
  typedRoutes: false,
  poweredByHeader: false,
  // `next dev` refuses its own dev resources (HMR, chunks) to an origin it does not know; we open it at 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
  // forbidden() renders app/forbidden.tsx with a 403 for a workspace the user does not belong to.
  // The cached public catalogue (app/courses/[tenant]/list/[query]) keeps one page per workspace and query; held
  // only in memory (Next's LRU, 50 MB by default), so arbitrary searches cannot fill the disk.
  experimental: { authInterrupts: true, isrFlushToDisk: false },
  // A CDN in front may serve a cached catalogue page stale while it fetches a fresh one (stale-while-revalidate):
  // at most an hour, not Next's default of a year, since a course cancelled or full should not linger there.
  expireTime: 3600,
  // Baseline protections on every response: no framing by other sites (clickjacking), no MIME sniffing, no full
  // address sent to other sites (place, claim and invitation links carry tokens), HTTPS remembered.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          {
            key: 'Content-Security-Policy',
            value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
          },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
        ],
      },
    ];
  },
  // The public catalogue without filters is its cached page `all` (proxy.ts rewrites the filtered ones). This runs
  // after the proxy, which handles any address with one of the filters.
  async rewrites() {
    const filters = ['q', 'audience', 'phase', 'subject', 'format', 'from', 'to', 'page'];
    return {
      beforeFiles: [
        {
          source: '/courses/:tenant',
          missing: filters.map((key) => ({ type: 'query', key })),
          destination: '/courses/:tenant/list/all',
        },
      ],
    };
  },
};

module.exports = nextConfig;
