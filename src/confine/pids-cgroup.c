/*
 * The pids cgroup for root. RLIMIT_NPROC never binds uid 0 of the initial user namespace
 * (kernel/fork.c copy_process: the real user INIT_USER is exempt, as are CAP_SYS_RESOURCE and
 * CAP_SYS_ADMIN), and bwrap maps root to uid 0, so a fork bomb in a root sandbox is counted by
 * nothing. A pids cgroup counts every task, whoever runs it. It is made as a child of our own
 * cgroup: in the cgroup v1 pids hierarchy, or in cgroup2 where our cgroup delegates the pids
 * controller (cgroup.subtree_control lists it). The parent stays outside the cgroup, waits for
 * the command, then kills whatever is left in it (cgroup.kill on cgroup2, else every pid in
 * cgroup.procs until none remain) and removes it, so nothing outlives the run.
 */
#define _GNU_SOURCE
#include "pids-cgroup.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* snprintf that fails (-1) instead of truncating a path. */
static int pathf(char *out, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(out, size, fmt, ap);
  va_end(ap);
  return n < 0 || (size_t)n >= size ? -1 : 0;
}

static int write_text(const char *dir, const char *file, const char *text) {
  char path[4096];
  if (pathf(path, sizeof path, "%s/%s", dir, file) != 0) return -1;
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  int ok = fputs(text, f) >= 0;
  return fclose(f) == 0 && ok ? 0 : -1;
}

static int has_word(const char *list, const char *word, char sep) {
  size_t n = strlen(word);
  for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
    if ((p == list || p[-1] == sep) && (p[n] == sep || p[n] == '\0' || p[n] == '\n' || p[n] == ' ')) return 1;
  return 0;
}

/* Our cgroup path in the hierarchy that has pids: v1 ("N:...pids...:/path") or v2 ("0::/path"). */
static int own_cgroup(char *path, size_t size, int *v2) {
  FILE *f = fopen("/proc/self/cgroup", "r");
  if (!f) return -1;
  char line[4096], v2path[4096] = "";
  int found = -1;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!c2) continue;
    *c2 = '\0';
    if (has_word(c1 + 1, "pids", ',')) {
      snprintf(path, size, "%s", c2 + 1);
      *v2 = 0;
      found = 0;
    } else if (c1[1] == '\0' && !strcmp(line, "0:")) {
      snprintf(v2path, sizeof v2path, "%s", c2 + 1);
    }
  }
  fclose(f);
  if (found == 0 || !v2path[0]) return found;
  snprintf(path, size, "%s", v2path);
  *v2 = 1;
  return 0;
}

/* The directory of our cgroup: the mount of that hierarchy plus our path below its root. */
static int own_cgroup_dir(char *dir, size_t size, int *v2) {
  char cg[4096];
  if (own_cgroup(cg, sizeof cg, v2) != 0) return -1;
  FILE *f = fopen("/proc/self/mountinfo", "r");
  if (!f) return -1;
  char line[8192];
  int found = -1;
  while (found != 0 && fgets(line, sizeof line, f)) {
    char root[4096], mnt[4096], type[64], opts[4096];
    char *dash = strstr(line, " - ");
    if (!dash || sscanf(line, "%*s %*s %*s %4095s %4095s", root, mnt) != 2) continue;
    if (sscanf(dash + 3, "%63s %*s %4095s", type, opts) != 2) continue;
    int match = *v2 ? !strcmp(type, "cgroup2") : !strcmp(type, "cgroup") && has_word(opts, "pids", ',');
    size_t rl = strcmp(root, "/") ? strlen(root) : 0;
    if (!match || strncmp(cg, root, rl) != 0) continue;
    found = pathf(dir, size, "%s%s", mnt, cg + rl);
  }
  fclose(f);
  if (found == 0 && *v2) {
    char sub[4096];
    char text[1024] = "";
    FILE *s = pathf(sub, sizeof sub, "%s/cgroup.subtree_control", dir) == 0 ? fopen(sub, "r") : NULL;
    if (!s) return -1;
    if (!fgets(text, sizeof text, s)) text[0] = '\0';
    fclose(s);
    if (!has_word(text, "pids", ' ')) return -1;
  }
  return found;
}

/* Make a fresh child cgroup with pids.max; 0 on success. */
static int make_cgroup(char *dir, size_t size, const char *tag, long long max, int *v2) {
  char base[4096], text[32];
  if (own_cgroup_dir(base, sizeof base, v2) != 0) return -1;
  if (pathf(dir, size, "%s/nl-sh-%s-%ld", base, tag, (long)getpid()) != 0 || mkdir(dir, 0755) != 0) return -1;
  snprintf(text, sizeof text, "%lld", max);
  if (write_text(dir, "pids.max", text) == 0) return 0;
  rmdir(dir);
  return -1;
}

int probe_pids_cgroup(void) {
  char dir[4096];
  int v2;
  if (make_cgroup(dir, sizeof dir, "probe", 1, &v2) != 0) return 0;
  return rmdir(dir) == 0;
}

static void pause_ms(long ms) {
  struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&t, NULL);
}

/* Kill every task left in the cgroup and remove it; bounded (about 5 s). The sandbox's last
 * tasks are usually still being reaped when bwrap exits, so the first retries come quickly. */
static void empty_and_remove(const char *dir, int v2) {
  char procs[4096];
  if (pathf(procs, sizeof procs, "%s/cgroup.procs", dir) != 0) return;
  for (int round = 0; round < 520; round++) {
    long wait_ms = round < 20 ? 1 : 10;
    if (rmdir(dir) == 0 || errno == ENOENT) return;
    if (v2 && write_text(dir, "cgroup.kill", "1") == 0) {
      pause_ms(wait_ms);
      continue;
    }
    FILE *f = fopen(procs, "r");
    long pid;
    while (f && fscanf(f, "%ld", &pid) == 1) kill((pid_t)pid, SIGKILL);
    if (f) fclose(f);
    pause_ms(wait_ms);
  }
  fprintf(stderr, "nl-sh-confine: could not remove %s\n", dir);
}

static pid_t child;
static void forward(int sig) {
  if (child > 0) kill(child, sig);
}

int run_in_pids_cgroup(long long max, char **argv) {
  char dir[4096];
  int v2;
  if (make_cgroup(dir, sizeof dir, "run", max, &v2) != 0) {
    fprintf(stderr, "nl-sh-confine: cannot make a pids cgroup: %s\n", strerror(errno));
    return 126;
  }
  /* Like system(): ^C and ^\ reach the command (same process group); we outlive it to clean up. */
  signal(SIGINT, SIG_IGN);
  signal(SIGQUIT, SIG_IGN);
  signal(SIGTERM, forward);
  signal(SIGHUP, forward);
  child = fork();
  if (child == 0) {
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    if (write_text(dir, "cgroup.procs", "0") != 0) {
      fprintf(stderr, "nl-sh-confine: cannot enter the pids cgroup: %s\n", strerror(errno));
      _exit(126);
    }
    execvp(argv[0], argv);
    fprintf(stderr, "nl-sh-confine: %s: %s\n", argv[0], strerror(errno));
    _exit(errno == ENOENT ? 127 : 126);
  }
  int status = 0;
  if (child < 0) status = 126 << 8;
  else
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
  empty_and_remove(dir, v2);
  if (WIFSIGNALED(status)) {
    signal(WTERMSIG(status), SIG_DFL);
    raise(WTERMSIG(status));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 126;
}
