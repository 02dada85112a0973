import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/config';

/** The language switch posts here; works without JavaScript. Only same-site paths are followed back. */
export async function POST(request: NextRequest) {
  const form = await request.formData();
  const locale = form.get('locale');
  const asked = form.get('returnTo');
  const returnTo = typeof asked === 'string' ? asked : '/';
  const safeReturn = returnTo.startsWith('/') && !returnTo.startsWith('//') && !returnTo.includes('\\') ? returnTo : '/';
  // A relative Location keeps the visitor on the host they used (request.url may name another).
  const response = new NextResponse(null, { status: 303, headers: { Location: safeReturn } });
  if (isLocale(locale)) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  }
  return response;
}
