import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

/**
 * Runs before every page (not static files or the API):
 * - a Content-Security-Policy with a fresh nonce, which Next.js puts on its own scripts, so no
 *   injected or third-party script can run; framing is refused (clickjacking);
 * - HSTS when the portal is reached over HTTPS;
 * - convenience only: visitors without a session cookie are sent from staff pages to sign in.
 * Authorization itself happens in every page and command, never here.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/staff') && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React writes style attributes (chart bar widths); nonces cannot cover attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  // Protocol image files carry their own, stricter policy (a sandbox: they are files, not pages).
  // Router prefetches are included: their answers carry the same policy as the pages.
  matcher: ['/((?!api/|_next/static|_next/image|protocol-images/|favicon.ico|robots.txt).*)'],
};
