// The stdout comparison modes of the task format (README beside the tasks): exact, lines,
// lines-unordered, paths, numbers and contains. Each takes the reference's and the candidate's
// output (text, fixture paths already rewritten) and says whether they match, and if not, why.

/** Absolute paths into the fixture read as relative ones: `DIR/a/b` becomes `./a/b`. */
export function rewriteFixturePath(buf, dir) {
  const text = buf.toString('latin1');
  return text.includes(dir) ? Buffer.from(text.split(dir).join('.'), 'latin1') : buf;
}

/** One line as the `lines` modes see it: trimmed, blanks collapsed, `./` and trailing `/` dropped per word. */
export function normalizeLine(line) {
  return line
    .trim()
    .split(/[ \t]+/)
    .map((w) => (w.length > 2 ? w.replace(/^\.\//, '') : w).replace(/(.)\/+$/, '$1'))
    .join(' ');
}

const splitLines = (text) => text.replace(/\r\n/g, '\n').split('\n');
const show = (s) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** The comparison modes by name: (reference, candidate) → { pass, why }. */
export const compareModes = {
  exact: (ref, out) => (ref === out ? ok() : fail(`output differs from ${show(ref)}: ${show(out)}`)),
  lines: (ref, out) => compareSequences(trimEnd(splitLines(ref).map(normalizeLine)), trimEnd(splitLines(out).map(normalizeLine)), 'line'),
  'lines-unordered': (ref, out) => compareMultisets(nonBlank(ref).sort(), nonBlank(out).sort()),
  paths: (ref, out) => comparePaths(ref, out),
  numbers: (ref, out) => compareSequences(numbersIn(ref), numbersIn(out), 'number', (a, b) => Number(a) === Number(b)),
  contains: (ref, out) => {
    const lines = nonBlank(out);
    const missing = nonBlank(ref).find((r) => !lines.some((l) => l.includes(r)));
    return missing === undefined ? ok() : fail(`no line shows ${show(missing)}`);
  },
};

/** Compare stdout by the task's mode; an unknown mode fails. */
export function compareStdout(mode, ref, out) {
  const compare = compareModes[mode];
  return compare ? compare(ref, out) : fail(`unknown compare mode ${show(String(mode))}`);
}

const ok = () => ({ pass: true, why: 'ok' });
const fail = (why) => ({ pass: false, why });
const nonBlank = (text) => splitLines(text).map(normalizeLine).filter((l) => l !== '');

function trimEnd(lines) {
  const out = [...lines];
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function compareSequences(want, got, what, same = (a, b) => a === b) {
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (i >= got.length) return fail(`${what} ${i + 1} missing: expected ${show(want[i])}`);
    if (i >= want.length) return fail(`extra ${what} ${i + 1}: ${show(got[i])}`);
    if (!same(want[i], got[i])) return fail(`${what} ${i + 1} is ${show(got[i])}, expected ${show(want[i])}`);
  }
  return ok();
}

function compareMultisets(want, got) {
  const left = [...got];
  for (const w of want) {
    const i = left.indexOf(w);
    if (i < 0) return fail(`line ${show(w)} missing`);
    left.splice(i, 1);
  }
  return left.length === 0 ? ok() : fail(`extra line ${show(left[0])}`);
}

// Numbers in order; a minus counts only at the start of a word (dates are not negative numbers).
function numbersIn(text) {
  return [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => (m[0].startsWith('-') && m.index > 0 && /[\w.]/.test(text[m.index - 1]) ? m[0].slice(1) : m[0]));
}

// One item: trimmed, a leading ./ and a trailing / removed; blank, `.` and `..` are no item.
function normalizeItem(s) {
  const t = s.trim().replace(/^(\.\/)+/, '').replace(/(.)\/+$/, '$1');
  return t === '' || t === '.' || t === '..' ? '' : t;
}

/** `paths`: the same set of items, where a candidate line may put columns before its item. */
function comparePaths(ref, out) {
  const items = new Set(splitLines(ref).map(normalizeItem).filter((i) => i !== ''));
  const aliases = folderRelativeNames(items);
  const named = new Set();
  for (const raw of splitLines(out)) {
    const line = raw.trim();
    if (normalizeItem(line) === '' || /^total \d+(\.\d+)?[KMGT]?$/.test(line)) continue;
    const item = itemNamedBy(line, items, aliases);
    if (item === undefined) return fail(`line ${show(line)} names nothing expected`);
    named.add(item);
  }
  const missing = [...items].find((i) => !named.has(i));
  return missing === undefined ? ok() : fail(`${show(missing)} missing`);
}

// The item a line names: the whole line, or what follows leading columns, or the part before
// ` -> ` (a symlink in `ls -l`); also named relative to a folder all items share.
function itemNamedBy(line, items, aliases) {
  const forms = [...(line.includes(' -> ') ? [line.slice(0, line.indexOf(' -> '))] : []), line];
  for (const form of forms) {
    for (let at = 0; at >= 0; at = nextBlank(form, at)) {
      const candidate = normalizeItem(form.slice(at));
      if (items.has(candidate)) return candidate;
      if (aliases.has(candidate)) return aliases.get(candidate);
    }
  }
  return undefined;
}

// The start of the word after the next run of blanks, or -1.
function nextBlank(text, from) {
  const m = /[ \t]+/.exec(text.slice(from));
  if (!m) return -1;
  const next = from + m.index + m[0].length;
  return next < text.length ? next : -1;
}

// When two or more items sit in one folder, their names relative to it also count.
function folderRelativeNames(items) {
  const list = [...items];
  const folder = (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
  if (list.length < 2 || list.some((i) => folder(i) !== folder(list[0])) || folder(list[0]) === '') return new Map();
  return new Map(list.map((i) => [i.slice(folder(i).length + 1), i]));
}
