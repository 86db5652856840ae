// SPDX-License-Identifier: Apache-2.0

const kNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' });
  } catch {
    return null;
  }
})();

/** "Spanish (es)" for "es"; the code as given when it is not a known language code. */
export function languageLabel(code: string): string {
  if (code === '') return '';
  try {
    const name = kNames?.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
