// The upload form's own check of the chosen file, before anything is sent.

export type UploadFileCheck = { ok: true; file: File } | { ok: false; problem: string };

/** The file to send, or why the form cannot send it, in the form's words. */
export function checkUploadFile(value: FormDataEntryValue | null): UploadFileCheck {
  // With no file chosen, browsers still submit an unnamed, empty File.
  if (!(value instanceof File) || value.name === '') {
    return { ok: false, problem: 'Choose a file to import.' };
  }
  if (value.size === 0) return { ok: false, problem: 'The file is empty.' };

  return { ok: true, file: value };
}
