import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { oidcEnabled } from '@/lib/auth/options';
import { getViewer } from '@/lib/auth/viewer';
import { env } from '@/lib/env';

import { SignInForm } from './sign-in-form';
import styles from './sign-in.module.css';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const oidcErrors: Record<string, string> = {
  AccessDenied: 'Your single sign-on account has no GreenOps user. Ask an admin to add you.',
  OAuthSignin: 'Single sign-on could not start. Try again or use your password.',
  OAuthCallback: 'Single sign-on did not complete. Try again or use your password.',
};

/** Only same-site paths: never an absolute URL an attacker chose. */
function safeCallbackUrl(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) {
    return '/';
  }

  return path;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const errorCode = Array.isArray(params.error) ? params.error[0] : params.error;

  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="sign-in-title">
        <p className={styles.brand}>GreenOps</p>
        <h1 id="sign-in-title">Sign in</h1>
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={errorCode ? (oidcErrors[errorCode] ?? null) : null}
          oidcName={oidcEnabled() ? env.OIDC_NAME : null}
        />
      </section>
    </main>
  );
}
