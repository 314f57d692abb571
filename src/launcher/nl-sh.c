/*
 * nl-sh's native launcher: what /etc/shells and chsh should name.
 *
 * Why native: a `#!` script never sees its own argv[0] (the kernel replaces it with the
 * interpreter's path), and an argv[0] starting with '-' is how login(1), sshd, `su -` and tmux
 * say "login shell". Also, /bin/sh (dash) drops environment entries whose names are not shell
 * identifiers, such as bash's exported functions (BASH_FUNC_f%%), so non-interactive use must
 * reach bash without passing through any other shell.
 *
 * What it does, mirroring libexec/nl-sh.sh (the same rules; test/cli/launcher-decision.test.ts runs
 * both): non-interactive use (-c, a script operand, stdin or stderr not a terminal, TERM=dumb,
 * NLSH_DISABLE=1) execs bash with argv[0] "bash" or "-bash" and the environment untouched;
 * interactive use and nl-sh's own flags exec nl-sh's Node on dist/entry.js. Anything missing
 * means plain bash with a one-line warning: nobody is ever locked out.
 *
 * Node runs with V8 flags that bound the shell's memory (measured by bench/memory-bench.js):
 * --liftoff-only keeps the bash parser's WebAssembly on the baseline compiler, whose optimising
 * tier-up of the grammar's tables briefly took ~400 MB and left ~50 MB behind; a 1 MB
 * semi-space keeps the young generation small; --max-opt=2 stops JavaScript at Maglev, short of TurboFan, whose
 * code, zones and output cost most of ~13 MB (at the baseline tier alone the risk gate's p99 was
 * past its 2 ms; with Maglev it stays under); and a huge wrapper
 * tiering budget keeps the calls into the parser's WebAssembly on the generic wrapper, which
 * would otherwise bring in TurboFan to compile per-signature wrappers; --optimize-for-size lets the
 * heap grow less before it collects; and feedback vectors only for functions called 64 times keep
 * the code a request runs once or twice (the dry run, the sandbox) from leaving its metadata
 * behind, which is most of the growth from 1 to 200 requests; --expose-gc lets nl-sh collect once
 * after each request, while the user is at the prompt (src/collect-when-idle.ts). Node 20 knows
 * all but the wrapper budget and the feedback count, which only the bundled Node is given.
 * Given on the command line, flags that change code generation make V8 refuse the code cache
 * Node ships for its own modules: ~35 ms more to the first prompt (measured; set at run time
 * instead, they did not take effect).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *own_flags[] = {
    "--version", "--help", "--route", "--risk", "--suggest", "--ask", "--dry-run",
    "--doctor", "--config", "--history", "--model", "--explain", "--json", "--print-command", NULL,
};

static int is_own_flag(const char *a) {
    if (strncmp(a, "--nlsh-", 7) == 0) return 1;
    for (int i = 0; own_flags[i]; i++)
        if (strcmp(a, own_flags[i]) == 0) return 1;
    return 0;
}

/* 1: nl-sh should run (interactive, or its own flag); 0: plain bash. */
static int wants_nlsh(int argc, char **argv) {
    int own = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
            if (i + 1 < argc) return own; /* a script operand follows */
            break;
        }
        if (is_own_flag(a)) { own = 1; continue; }
        if (strcmp(a, "--rcfile") == 0 || strcmp(a, "--init-file") == 0) { i++; continue; }
        if (a[0] == '-' && a[1] == '-') continue; /* bash's long options */
        if ((a[0] == '-' || a[0] == '+') && a[1]) {
            if (a[0] == '-' && strchr(a + 1, 'c')) return own;
            if (strchr(a + 1, 'o') || strchr(a + 1, 'O')) i++; /* takes a value */
            continue;
        }
        return own; /* a script operand */
    }
    if (own) return 1;
    const char *disable = getenv("NLSH_DISABLE");
    const char *term = getenv("TERM");
    if (disable && strcmp(disable, "1") == 0) return 0;
    if (term && strcmp(term, "dumb") == 0) return 0;
    return isatty(0) && isatty(2);
}

/* The bash to run: $NLSH_BASH, else `bash` on PATH, else the usual places. */
static const char *find_bash(char *buf, size_t size) {
    const char *forced = getenv("NLSH_BASH");
    if (forced && *forced) return forced;
    const char *path = getenv("PATH");
    if (path) {
        const char *p = path;
        while (*p) {
            const char *end = strchr(p, ':');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            if (len > 0 && len + 6 < size) {
                memcpy(buf, p, len);
                memcpy(buf + len, "/bash", 6);
                if (buf[0] == '/' && access(buf, X_OK) == 0) return buf;
            }
            if (!end) break;
            p = end + 1;
        }
    }
    const char *fixed[] = {"/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash", NULL};
    for (int i = 0; fixed[i]; i++)
        if (access(fixed[i], X_OK) == 0) return fixed[i];
    return "/bin/bash";
}

static int exec_bash(int argc, char **argv, int login) {
    char buf[PATH_MAX];
    const char *bash = find_bash(buf, sizeof buf);
    argv[0] = login ? "-bash" : "bash";
    execv(bash, argv);
    fprintf(stderr, "nl-sh: cannot run %s; install bash\n", bash);
    (void)argc;
    return 127;
}

static int fallback(int argc, char **argv, int login, const char *why) {
    fprintf(stderr, "nl-sh: %s; starting plain bash (see 'nl-sh --doctor')\n", why);
    return exec_bash(argc, argv, login);
}

/* <root> from /proc/self/exe = <root>/bin/nl-sh (symlinks resolved by the kernel). */
static int find_root(char *root, size_t size) {
    ssize_t n = readlink("/proc/self/exe", root, size - 1);
    if (n <= 0) return 0;
    root[n] = '\0';
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(root, '/');
        if (!slash) return 0;
        *slash = '\0';
    }
    return 1;
}

/* The Node to run: bundled in node_modules (2), else the one recorded at setup in .node-path (1);
 * 0 when there is none. */
static int find_node(const char *root, char *node, size_t size) {
    if (snprintf(node, size, "%s/node_modules/node/bin/node", root) < (int)size && access(node, X_OK) == 0) return 2;
    char recorded[PATH_MAX];
    if (snprintf(recorded, sizeof recorded, "%s/.node-path", root) >= (int)sizeof recorded) return 0;
    FILE *f = fopen(recorded, "r");
    if (!f) return 0;
    int ok = fgets(node, (int)size, f) != NULL;
    fclose(f);
    if (!ok) return 0;
    node[strcspn(node, "\n")] = '\0';
    return node[0] == '/' && access(node, X_OK) == 0;
}

int main(int argc, char **argv) {
    int login = argc > 0 && argv[0] && argv[0][0] == '-';
    if (!wants_nlsh(argc, argv)) return exec_bash(argc, argv, login);

    char root[PATH_MAX], node[PATH_MAX], entry[PATH_MAX];
    if (!find_root(root, sizeof root)) return fallback(argc, argv, login, "cannot locate its install directory");
    int which = find_node(root, node, sizeof node);
    if (!which) return fallback(argc, argv, login, "no Node.js runtime found (run 'npm run setup')");
    if (snprintf(entry, sizeof entry, "%s/dist/entry.js", root) >= (int)sizeof entry || access(entry, R_OK) != 0)
        return fallback(argc, argv, login, "not built (run 'npm run setup')");

    /* Node 20 knows the first five; the last two only the bundled Node (an unknown flag would
     * stop Node before nl-sh could fall back to bash). */
    static const char *node_flags[] = {"--liftoff-only", "--max-semi-space-size=1", "--max-opt=2", "--optimize-for-size", "--expose-gc",
                                        "--wasm-wrapper-tiering-budget=1000000000", "--invocation-count-for-feedback-allocation=64"};
    const int nflags = which == 2 ? (int)(sizeof node_flags / sizeof *node_flags) : 5;
    char **args = calloc((size_t)argc + (size_t)nflags + 2, sizeof *args);
    if (!args) return fallback(argc, argv, login, "out of memory");
    args[0] = node;
    for (int i = 0; i < nflags; i++) args[1 + i] = (char *)node_flags[i];
    args[1 + nflags] = entry;
    for (int i = 1; i < argc; i++) args[i + 1 + nflags] = argv[i];
    setenv("NLSH_ARGV0", argv[0] ? argv[0] : "nl-sh", 1);
    setenv("NLSH_ROOT", root, 1);
    execv(node, args);
    unsetenv("NLSH_ARGV0");
    unsetenv("NLSH_ROOT");
    return fallback(argc, argv, login, "could not run its Node.js runtime");
}
