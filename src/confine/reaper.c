/*
 * The reaper. Without a pid namespace of its own (process control shares the host's, to name
 * the host's processes) a process the command starts with `setsid cmd &` or a double fork
 * would outlive it: it keeps the user's terminal and can signal the user's processes later. So
 * the helper does not exec the command. It becomes a child subreaper (the command's orphans are
 * reparented to it, not to init), forks the command, forwards SIGINT, SIGTERM, SIGHUP and
 * SIGQUIT to it and reaps whatever ends meanwhile. When the command ends it SIGKILLs every child
 * it still has and reaps them, round after round (a dying child's own children come to us next),
 * until there is none or 5 s have passed. A child is listed from /proc/thread-self/children and
 * signalled through an fd of its /proc/PID directory, so a procfs of another pid namespace (the
 * host view) still names the right process; a child stays ours until we reap it, so its pid
 * cannot be reused meanwhile. Never kill(-1): under process control that is every process of
 * the user.
 * The command cannot signal us (signal-guard.c): it runs in a process group of its own under
 * a seccomp filter that refuses signals to our pid, our group and -1.
 * Deaths: the command gets PR_SET_PDEATHSIG(SIGKILL), so killing the helper kills it. The
 * helper's own parent-death signal (bwrap's --die-with-parent sets SIGKILL) becomes SIGUSR1,
 * which we catch: when bwrap dies (^C at the terminal) the command and all it left are killed.
 */
#define _GNU_SOURCE
#include "reaper.h"
#include "signal-guard.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef __NR_pidfd_send_signal
#define __NR_pidfd_send_signal 424
#endif

#define PARENT_GONE SIGUSR1
#define LEFTOVER_MS 5000

static const int forwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

static long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Reap every child that has ended (the command's status into *status). 1 once none is left. */
static int reap(pid_t command, int *status, int *command_done) {
  for (;;) {
    int st;
    pid_t p = waitpid(-1, &st, WNOHANG);
    if (p == command && p > 0) {
      *status = st;
      *command_done = 1;
    }
    if (p > 0) continue;
    if (p < 0 && errno == EINTR) continue;
    return p < 0 && errno == ECHILD;
  }
}

/* Our pid as the mounted procfs numbers it (it may belong to an outer pid namespace). */
static long proc_self(void) {
  char link[32] = "";
  ssize_t n = readlink("/proc/self", link, sizeof link - 1);
  if (n <= 0) return -1;
  link[n] = '\0';
  return strtol(link, NULL, 10);
}

/* SIGKILL one child named by procfs pid; kill(2) only where procfs numbers pids as we do. */
static void kill_child(long pid, int same_ns) {
  char dir[32];
  snprintf(dir, sizeof dir, "/proc/%ld", pid);
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    long r = syscall(__NR_pidfd_send_signal, fd, SIGKILL, NULL, 0);
    close(fd);
    if (r == 0 || errno != ENOSYS) return;
  }
  if (same_ns) kill((pid_t)pid, SIGKILL);
}

/* Children of ours from /proc/PID/stat (a kernel without /proc/thread-self/children). */
static void kill_children_by_scan(long self, int same_ns) {
  DIR *d = opendir("/proc");
  struct dirent *e;
  while (d && (e = readdir(d)) != NULL) {
    char path[64], stat[512];
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    snprintf(path, sizeof path, "/proc/%.20s/stat", e->d_name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ssize_t n = read(fd, stat, sizeof stat - 1);
    close(fd);
    if (n <= 0) continue;
    stat[n] = '\0';
    char *paren = strrchr(stat, ')');
    long ppid;
    if (paren && sscanf(paren + 1, " %*c %ld", &ppid) == 1 && ppid == self) kill_child(strtol(e->d_name, NULL, 10), same_ns);
  }
  if (d) closedir(d);
}

/* SIGKILL every child we have now. */
static void kill_children(void) {
  long self = proc_self();
  int same_ns = self == (long)getpid();
  FILE *f = fopen("/proc/thread-self/children", "re");
  if (!f) {
    if (self > 0) kill_children_by_scan(self, same_ns);
    return;
  }
  long pid;
  while (fscanf(f, "%ld", &pid) == 1) kill_child(pid, same_ns);
  fclose(f);
}

/* Kill and reap what the command left, bounded; 0 if nothing is left. */
static int end_leftovers(const sigset_t *chld) {
  int status, done;
  long deadline = now_ms() + LEFTOVER_MS;
  while (!reap(-1, &status, &done)) {
    if (now_ms() > deadline) return -1;
    kill_children();
    struct timespec tick = {0, 10 * 1000000L};
    sigtimedwait(chld, NULL, &tick);
  }
  return 0;
}

static int exit_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 126;
}

int run_reaped(char **argv, int best_effort) {
  sigset_t waited, chld, old;
  sigemptyset(&waited);
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) sigaddset(&waited, forwarded[i]);
  sigaddset(&waited, SIGCHLD);
  sigaddset(&waited, PARENT_GONE);
  /* handled by sigwaitinfo only; SIGCHLD must not be ignored, or children reap themselves */
  signal(SIGCHLD, SIG_DFL);
  sigprocmask(SIG_BLOCK, &waited, &old);
  pid_t parent = getppid(), self = getpid(), group = getpgid(0);
  if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0 || prctl(PR_SET_PDEATHSIG, PARENT_GONE, 0, 0, 0) != 0) {
    fprintf(stderr, "nl-sh-confine: cannot become a subreaper: %s\n", strerror(errno));
    return 126;
  }
  if (getppid() != parent) return 126; /* bwrap is already gone */
  pid_t command = fork();
  if (command < 0) {
    fprintf(stderr, "nl-sh-confine: fork: %s\n", strerror(errno));
    return 126;
  }
  if (command == 0) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0 || getppid() != self) _exit(126);
    /* a group of its own: kill(0) from the command reaches the command's group, not ours */
    if (setpgid(0, 0) != 0) _exit(126);
    if (guard_helper_from_signals(self, group) != 0 && !best_effort) {
      fprintf(stderr, "nl-sh-confine: cannot apply seccomp (signal guard) on this kernel\n");
      _exit(126);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    execvp(argv[0], argv);
    fprintf(stderr, "nl-sh-confine: %s: %s\n", argv[0], strerror(errno));
    _exit(errno == ENOENT ? 127 : 126);
  }
  /* Hold no end of the command's stdin or stdout: whoever reads it sees EOF when it closes it. */
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    dup2(null, 0);
    dup2(null, 1);
    if (null > 1) close(null);
  }
  int status = 0, done = 0;
  while (!done) {
    siginfo_t info;
    int sig = sigwaitinfo(&waited, &info);
    if (sig == SIGCHLD) reap(command, &status, &done);
    else if (sig == PARENT_GONE && getppid() != parent) {
      kill(command, SIGKILL); /* not reaped yet: the pid is still the command's */
      status = SIGKILL;
      break;
    } else if (sig > 0 && sig != PARENT_GONE)
      kill(command, sig);
  }
  if (end_leftovers(&chld) != 0) fprintf(stderr, "nl-sh-confine: processes the command left could not all be ended\n");
  return exit_status(status);
}
