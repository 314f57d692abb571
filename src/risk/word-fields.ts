// Word splitting applied to one evaluated word: the words a command actually receives.

import { escapeGlob, type Word } from './words.js';

/** The words `word` becomes after splitting; a word whose split is unknowable stays one unknown word. */
export function splitWord(word: Word): Word[] {
  const fields = word.fields;
  if (fields === undefined) return word.value === undefined ? [word] : [{ ...word, value: undefined, pattern: undefined }];
  if (fields.length === 1 && fields[0] === word.value) return [word];
  return fields.map((field) => {
    const glob = word.glob && /[*?[]/.test(field);
    return { ...word, value: field, pattern: glob ? field : escapeGlob(field), glob, braces: false, code: field, fields: [field] };
  });
}
