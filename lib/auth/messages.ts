// Sign-in messages shared by the server check and the browser form.
export const WRONG_CREDENTIALS = 'Email or password is incorrect';
export const TOO_MANY_ATTEMPTS = 'Too many attempts';
export const SIGN_IN_UNAVAILABLE = 'Sign-in is unavailable right now; try again shortly';
