import Link from 'next/link';

/** A page that only says why there is nothing to show (not found, forbidden) and where to go instead. */
export function MessagePage({ title, text, link }: { title: string; text: string; link: { href: string; label: string } }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
      <p className="mt-3 text-slate-700">{text}</p>
      <Link href={link.href} className="mt-6 inline-block font-medium text-brand-700 underline">
        {link.label}
      </Link>
    </main>
  );
}
