// Input quoted back in a message: short, on one line and printable, so a
// binary file or a long value cannot fill an answer with 4 KB of "\u0000".

export const MAX_ECHO_CHARS = 100;

const UNPRINTABLE = /[\p{Cc}\p{Cs}]/gu;

/** The text with control characters and unpaired surrogates shown as U+FFFD. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '\ufffd');
}

/** Input to quote in a message: printable, cut at `max` characters with "…". */
export function echoInput(text: string, max = MAX_ECHO_CHARS): string {
  const characters = [...text];
  const shown = characters.length > max ? `${characters.slice(0, max).join('')}…` : text;

  return printable(shown);
}
