import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files, argon2, sharp and the PDF renderer's canvas native binaries,
  // PDF.js its fonts and decoders: load them from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'sharp', 'pdfjs-dist', '@napi-rs/canvas', '@aws-sdk/client-s3'],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for a signed-in user outside their permission or region.
  // Server actions take up to 6 MB: a precinct file of up to 5 MB (MAX_PRECINCT_FILE_BYTES) with its envelope.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '6mb' } },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
        ],
      },
      {
        // proxy.ts sets HSTS on pages; the API (which it does not run for) gets it here, over HTTPS only.
        source: '/api/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
