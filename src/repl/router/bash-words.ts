// bash 5's reserved words and builtins (`compgen -k`, `compgen -b`), so the router knows them
// before any bash has been asked.

/** Reserved words of bash 5. */
export const BASH_KEYWORDS: ReadonlySet<string> = new Set(
  'if then else elif fi case esac for select while until do done in function time { } ! [[ ]] coproc'.split(' '),
);

/** Builtins of bash 5. */
export const BASH_BUILTINS: ReadonlySet<string> = new Set(
  (
    '. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare ' +
    'dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill ' +
    'let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt ' +
    'source suspend test times trap true type typeset ulimit umask unalias unset wait'
  ).split(' '),
);
