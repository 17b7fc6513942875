import { describe, expect, it } from 'vitest';

import { checkUploadFile } from './upload-file';

describe('checkUploadFile', () => {
  it.each([
    ['nothing', null, 'Choose a file to import.'],
    ['a text field', 'emissions.csv', 'Choose a file to import.'],
    ['the unnamed empty File of an untouched input', new File([], ''), 'Choose a file to import.'],
    ['a chosen but empty file', new File([], 'emissions.csv'), 'The file is empty.'],
  ])('refuses %s', (_case, value, problem) => {
    expect(checkUploadFile(value)).toEqual({ ok: false, problem });
  });

  it('sends a chosen file with content', () => {
    const file = new File(['timestamp\n'], 'emissions.csv');

    expect(checkUploadFile(file)).toEqual({ ok: true, file });
  });
});
