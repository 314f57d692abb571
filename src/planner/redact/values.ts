// Judging a value: is it clearly not a secret (a variable, a path, a boolean), does it look like
// one (mixed character classes, long random runs), is it a token by its shape.

/** Values that are never secrets even in a secret position: empty, a reference, a flag word, a path. */
export function isPlainlyNotSecret(value: string): boolean {
  return (
    value === '' ||
    /^\$(?:\{?[A-Za-z_]\w*\}?|\()/.test(value) ||
    /^(?:true|false|yes|no|null|none|nil|on|off|required|optional|\*+|x+|<[^>]*>|\.\.\.)$/i.test(value) ||
    /^(?:\/|~\/|\.\.?\/)[\w./@+-]*$/.test(value)
  );
}

/** Character classes in `value` (lower, upper, digit, other). */
function classCount(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

/** A value that looks like a password or key (for loose positions like `password X` in prose). */
export function looksSecret(value: string): boolean {
  if (value.length < 6 || isPlainlyNotSecret(value)) return false;
  // Dashes, underscores and dots join words (db-creds, my_file.txt); they make nothing random.
  const core = value.replace(/[-_.]/g, '');
  if (/^[a-z]+$/.test(core) || /^[A-Z][a-z]+$/.test(core)) return false;
  return classCount(core) >= 2;
}

/** A value that looks like a machine-made token (for URL users and environment values). */
export function looksLikeToken(value: string): boolean {
  if (value.length < 20 || !/^[A-Za-z0-9_+/=.~:-]+$/.test(value) || value.startsWith('/')) return false;
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 32;
  return classCount(value) >= 3 && /[0-9]/.test(value);
}
