/*
 * nl-sh's native login launcher. A `#!` script can never see its own argv[0] (the kernel
 * replaces it with the interpreter's path), and argv[0] starting with '-' is the only way
 * login(1), sshd, `su -` and tmux say "this is a login shell". This program keeps that fact
 * in NLSH_LOGIN_ARGV0 and runs bin/nl-sh (the real launcher) from its own install tree.
 * If that is impossible it execs plain bash: nobody is ever locked out.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void exec_plain_bash(int argc, char **argv, int login) {
    const char *bashes[] = {"/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"};
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (!args) return;
    args[0] = login ? "-bash" : "bash";
    for (int i = 1; i < argc; i++) args[i] = argv[i];
    for (size_t i = 0; i < sizeof bashes / sizeof *bashes; i++) execv(bashes[i], args);
}

int main(int argc, char **argv) {
    int login = argc > 0 && argv[0] && argv[0][0] == '-';
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        /* <root>/build/nl-sh -> <root>/bin/nl-sh */
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            slash = strrchr(exe, '/');
        }
        if (slash) {
            *slash = '\0';
            char script[PATH_MAX];
            if (snprintf(script, sizeof script, "%s/bin/nl-sh", exe) < (int)sizeof script) {
                char **args = calloc((size_t)argc + 2, sizeof *args);
                if (args) {
                    args[0] = "/bin/sh";
                    args[1] = script;
                    for (int i = 1; i < argc; i++) args[i + 1] = argv[i];
                    if (login) setenv("NLSH_LOGIN_ARGV0", argv[0], 1);
                    execv("/bin/sh", args);
                }
            }
        }
    }
    fprintf(stderr, "nl-sh: cannot run its launcher; starting plain bash (see 'nl-sh --doctor')\n");
    unsetenv("NLSH_LOGIN_ARGV0");
    exec_plain_bash(argc, argv, login);
    perror("nl-sh: bash");
    return 127;
}
