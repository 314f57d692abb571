// The words a request is matched on when choosing examples: lower-cased, common words dropped,
// a light stemmer ("files" and "file", "changed" and "change" meet) and a few synonyms
// ("biggest" and "largest", "delete" and "remove", "folder" and "directory"). Pure.

// Words that say nothing about which command is wanted.
const STOPWORDS = new Set(
  'a an the of in on at to for from with by into onto and or is are was were be been it its this that these those me my mine i we our us you your he she they them please can could would should will shall how do does did what which there here all any some just want need like give tell let know get got have has had one ones so then than also about up out via using use'.split(
    ' ',
  ),
);

// Word groups that mean the same to a shell user, each read as its first word.
const SYNONYM_GROUPS: readonly string[] = [
  'big bigger biggest large larger largest huge heavy heaviest',
  'small smaller smallest tiny little',
  'remove delete erase wipe rm del',
  'dir directory directories folder folders subfolder subfolders subdirectory subdirectories dirs',
  'show list display print view see',
  'find locate',
  'search grep',
  'contain contains containing mention mentions mentioning match matches matching',
  'count many number',
  'change changed modified modify edited edit updated',
  'recent newest latest recently last',
  'old oldest older',
  'replace substitute swap',
  'compress gzip gzipped',
  'archive tarball tar',
  'extract unpack decompress uncompress',
  'kill terminate',
  'process processes program programs',
  'memory ram mem',
  'cpu processor cores core',
  'disk disks drive storage partition partitions',
  'download fetch',
  'log logs logfile logfiles',
  'error errors err',
  'permission permissions perms mode',
  'executable runnable',
  'link links symlink symlinks symbolic shortcut',
  'hidden dotfiles dotfile dot',
  'duplicate duplicates duplicated repeated',
  'upper uppercase capital capitals caps',
  'lower lowercase',
  'sort sorted order ordered',
  'py python',
  'js javascript',
  'ts typescript',
  'md markdown',
  'follow watch watching live',
  'run running active',
  'service services daemon daemons unit units',
  'empty blank',
  'word words',
  'column columns field fields',
  'size sizes',
  'sum total add',
  'space room',
];

// A light suffix stripper: enough for "files/file", "changing/changed/change", "directories/directory".
function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

// Each word of a group, as written and as stemmed, maps to the group's first word.
const CANONICAL = new Map<string, string>(
  SYNONYM_GROUPS.flatMap((group) => {
    const words = group.split(' ');
    return words.flatMap((word): [string, string][] => [
      [word, words[0]!],
      [stem(word), words[0]!],
    ]);
  }),
);

/** The matching terms of a text: words lower-cased, common words and bare numbers dropped, synonyms joined, stemmed. */
export function termsOf(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    if (STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    const stemmed = stem(word);
    terms.push(CANONICAL.get(word) ?? CANONICAL.get(stemmed) ?? stemmed);
  }
  return terms;
}
