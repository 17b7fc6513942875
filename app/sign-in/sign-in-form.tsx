'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { SIGN_IN_UNAVAILABLE, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from '@/lib/auth/messages';

import styles from './sign-in.module.css';

function messageFor(error: string): string {
  if (error === 'CredentialsSignin') return WRONG_CREDENTIALS;
  if (error.startsWith(TOO_MANY_ATTEMPTS) || error === SIGN_IN_UNAVAILABLE) return error;

  return 'Sign-in failed. Try again.';
}

export function SignInForm(props: {
  callbackUrl: string;
  initialError: string | null;
  oidcName: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(props.initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    }).catch(() => null);
    if (!result || result.error) {
      setPending(false);
      setError(messageFor(result?.error ?? ''));

      return;
    }
    router.replace(props.callbackUrl);
    router.refresh();
  }

  return (
    <>
      <form className={styles.form} onSubmit={submit} noValidate={false}>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {error ? (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {props.oidcName ? (
        <div className={styles.sso}>
          <p className="muted">or</p>
          <button
            type="button"
            className="secondary"
            onClick={() => void signIn('oidc', { callbackUrl: props.callbackUrl })}
          >
            Continue with {props.oidcName}
          </button>
        </div>
      ) : null}
    </>
  );
}
