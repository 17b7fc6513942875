import Link from 'next/link';

export const metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <main style={{ maxWidth: 560, margin: '4rem auto', padding: '0 1rem' }}>
      <h1>Not found</h1>
      <p>
        There is nothing here, or it belongs to an organisation you are not signed in to. Check
        the link, or go back to the <Link href="/">overview</Link>.
      </p>
    </main>
  );
}
