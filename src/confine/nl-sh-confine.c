/*
 * nl-sh-confine: make a sandboxed command keep to its verdict from inside, then run it.
 *
 *   nl-sh-confine [--write DIR]... [--no-net] [--no-signal-out] [--nproc N] [--cpu SEC]
 *                 [--fsize BYTES] [--data BYTES] [--best-effort] -- PROG ARGS...
 *   nl-sh-confine --pids-cgroup N -- PROG ARGS...   (outside the sandbox, as root)
 *   nl-sh-confine --probe
 *
 * Runs inside bubblewrap, after its mounts. What it adds (see DESIGN.md "The sandbox"):
 * - Landlock, filesystem: every write-type right the kernel knows is handled; allowed only
 *   beneath each --write DIR, plus file writes (and device ioctls) beneath /dev, which bwrap
 *   makes private. Reads are not restricted. Landlock checks the resolved hierarchy, so a
 *   path through /proc/PID/cwd does not help; it also denies ptrace and /proc/PID/{mem,environ,
 *   cwd} of processes outside the sandbox's domain (any ABI).
 * - Sockets, always: a seccomp filter makes socket() fail with EACCES for every family but
 *   AF_INET, AF_INET6 and AF_NETLINK, so no pathname unix socket of a host service (the system
 *   bus, a docker socket) can be reached even with the network key; it refuses datagram
 *   socketpairs (their sendto() can name any unix socket path) and io_uring (it opens and
 *   connects sockets without syscalls a filter sees). Stream socketpairs stay.
 * - --no-net: AF_INET and AF_INET6 fail too (AF_NETLINK stays: `ss` keeps reading the host's
 *   tables); Landlock ABI 4 also denies TCP bind/connect.
 * - --no-signal-out: Landlock ABI 6 scopes signals to the sandbox's own processes.
 *   Abstract unix sockets are scoped whenever the kernel can (ABI 6), whatever the flags.
 * - Limits as rlimits (soft = hard, so the command cannot raise them): RLIMIT_NPROC binds
 *   inside bwrap's user namespace for an unprivileged user (the count is per user namespace),
 *   never for uid 0 of the initial namespace (kernel/fork.c: real user INIT_USER is exempt, so
 *   is CAP_SYS_RESOURCE/CAP_SYS_ADMIN); for root, --pids-cgroup puts the whole sandbox in a
 *   pids cgroup instead, waits for it, kills what is left and removes the cgroup.
 * - Nothing the command starts outlives it: the helper, confined like the command, stays as
 *   its parent and a subreaper and kills what it leaves behind (reaper.c); the command runs in
 *   a process group of its own and cannot signal the helper (signal-guard.c).
 * Fail closed: a restriction this kernel cannot apply is one line on stderr and exit 126,
 * unless --best-effort (then it applies what it can, silently; the caller knows the gaps
 * from --probe). Only libc and kernel headers; the Landlock ABI is declared here so that old
 * headers build it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- Landlock ABI (include/uapi/linux/landlock.h), declared for old headers ---- */
#define LL_CREATE_RULESET_VERSION (1U << 0)
#define LL_RULE_PATH_BENEATH 1
#define LL_FS_WRITE_FILE (1ULL << 1)
#define LL_FS_REMOVE_DIR (1ULL << 4)
#define LL_FS_REMOVE_FILE (1ULL << 5)
#define LL_FS_MAKE_CHAR (1ULL << 6)
#define LL_FS_MAKE_DIR (1ULL << 7)
#define LL_FS_MAKE_REG (1ULL << 8)
#define LL_FS_MAKE_SOCK (1ULL << 9)
#define LL_FS_MAKE_FIFO (1ULL << 10)
#define LL_FS_MAKE_BLOCK (1ULL << 11)
#define LL_FS_MAKE_SYM (1ULL << 12)
#define LL_FS_REFER (1ULL << 13)    /* ABI 2 */
#define LL_FS_TRUNCATE (1ULL << 14) /* ABI 3 */
#define LL_FS_IOCTL_DEV (1ULL << 15) /* ABI 5 */
#define LL_NET_BIND_TCP (1ULL << 0)  /* ABI 4 */
#define LL_NET_CONNECT_TCP (1ULL << 1)
#define LL_SCOPE_ABSTRACT_UNIX (1ULL << 0) /* ABI 6 */
#define LL_SCOPE_SIGNAL (1ULL << 1)

struct ll_ruleset_attr {
  uint64_t handled_access_fs;
  uint64_t handled_access_net;
  uint64_t scoped;
};
struct ll_path_beneath_attr {
  uint64_t allowed_access;
  int32_t parent_fd;
} __attribute__((packed));

#ifndef __NR_landlock_create_ruleset
#define __NR_landlock_create_ruleset 444
#define __NR_landlock_add_rule 445
#define __NR_landlock_restrict_self 446
#endif

/* ---- seccomp ---- */
#ifndef __NR_io_uring_setup
#define __NR_io_uring_setup 425
#define __NR_io_uring_enter 426
#define __NR_io_uring_register 427
#endif

#include "seccomp-arch.h"
#include "pids-cgroup.h"
#include "reaper.h"

#define DENIED 126
#define MAX_WRITE 64

struct options {
  const char *write[MAX_WRITE];
  int nwrite;
  int no_net, no_signal_out, best_effort;
  long long nproc, cpu, fsize, data, pids_cgroup;
  char **argv;
};

static int landlock_abi(void) {
  long abi = syscall(__NR_landlock_create_ruleset, NULL, 0, LL_CREATE_RULESET_VERSION);
  return abi < 0 ? 0 : (int)abi;
}

/* One line naming what is missing, then exit 126 (unless best effort: then carry on). */
static int missing(const struct options *o, const char *what) {
  if (o->best_effort) return 0;
  fprintf(stderr, "nl-sh-confine: cannot apply %s on this kernel\n", what);
  exit(DENIED);
}

static void die(const char *what) {
  fprintf(stderr, "nl-sh-confine: %s: %s\n", what, strerror(errno));
  exit(DENIED);
}

static uint64_t write_rights(int abi) {
  uint64_t r = LL_FS_WRITE_FILE | LL_FS_REMOVE_DIR | LL_FS_REMOVE_FILE | LL_FS_MAKE_CHAR | LL_FS_MAKE_DIR |
               LL_FS_MAKE_REG | LL_FS_MAKE_SOCK | LL_FS_MAKE_FIFO | LL_FS_MAKE_BLOCK | LL_FS_MAKE_SYM;
  if (abi >= 2) r |= LL_FS_REFER;
  if (abi >= 3) r |= LL_FS_TRUNCATE;
  if (abi >= 5) r |= LL_FS_IOCTL_DEV;
  return r;
}

static void allow_beneath(const struct options *o, int ruleset, const char *dir, uint64_t rights) {
  struct ll_path_beneath_attr rule = {.allowed_access = rights, .parent_fd = open(dir, O_PATH | O_CLOEXEC)};
  struct stat st;
  if (rule.parent_fd < 0 || fstat(rule.parent_fd, &st) != 0) {
    if (o->best_effort) return;
    die(dir);
  }
  /* a rule on a file may only hold rights that apply to files */
  if (!S_ISDIR(st.st_mode)) rule.allowed_access &= LL_FS_WRITE_FILE | LL_FS_TRUNCATE | LL_FS_IOCTL_DEV;
  if (syscall(__NR_landlock_add_rule, ruleset, LL_RULE_PATH_BENEATH, &rule, 0) != 0 && !o->best_effort) die(dir);
  close(rule.parent_fd);
}

/* Landlock: writes only beneath --write dirs and /dev; TCP and signals per the flags. */
static void apply_landlock(const struct options *o) {
  int abi = landlock_abi();
  if (abi < 3) {
    missing(o, abi == 0 ? "Landlock (write protection)" : "Landlock ABI 3 (truncate protection)");
    if (abi == 0) {
      if (o->no_signal_out) missing(o, "Landlock ABI 6 (signal scoping)");
      return;
    }
  }
  if (o->no_signal_out && abi < 6) missing(o, "Landlock ABI 6 (signal scoping)");
  struct ll_ruleset_attr attr = {.handled_access_fs = write_rights(abi)};
  size_t size = offsetof(struct ll_ruleset_attr, handled_access_net);
  if (abi >= 4) {
    if (o->no_net) attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;
    size = offsetof(struct ll_ruleset_attr, scoped);
  }
  if (abi >= 6) {
    attr.scoped = LL_SCOPE_ABSTRACT_UNIX | (o->no_signal_out ? LL_SCOPE_SIGNAL : 0);
    size = sizeof attr;
  }
  int ruleset = (int)syscall(__NR_landlock_create_ruleset, &attr, size, 0);
  if (ruleset < 0) die("landlock_create_ruleset");
  for (int i = 0; i < o->nwrite; i++) allow_beneath(o, ruleset, o->write[i], attr.handled_access_fs);
  uint64_t dev = LL_FS_WRITE_FILE | (abi >= 3 ? LL_FS_TRUNCATE : 0) | (abi >= 5 ? LL_FS_IOCTL_DEV : 0);
  allow_beneath(o, ruleset, "/dev", dev);
  if (syscall(__NR_landlock_restrict_self, ruleset, 0) != 0) die("landlock_restrict_self");
  close(ruleset);
}

/* seccomp: sockets but inet (unless --no-net) and netlink, datagram socketpairs, io_uring fail. */
static void apply_socket_filter(const struct options *o) {
#ifdef NATIVE_ARCH
  /* --no-net: the inet checks test AF_NETLINK again, so only netlink passes */
  unsigned inet = o->no_net ? AF_NETLINK : AF_INET, inet6 = o->no_net ? AF_NETLINK : AF_INET6;
  struct sock_filter f[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS), /* compat (i386, arm32) syscalls */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
#ifdef X32_SYSCALL_BIT
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS), /* x32 syscalls */
#endif
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 6, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socketpair, 9, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_setup, 3, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_enter, 2, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_register, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
      /* socket(domain, ...): only AF_NETLINK, AF_INET, AF_INET6 */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_NETLINK, 6, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, inet, 5, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, inet6, 4, 3),
      /* socketpair(domain, type, ...): no SOCK_DGRAM (type without its flag bits) */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(1)),
      BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0xf),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SOCK_DGRAM, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {.len = sizeof f / sizeof f[0], .filter = f};
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) missing(o, "seccomp (socket filter)");
#else
  missing(o, "seccomp (socket filter) on this architecture");
#endif
}

static void set_limit(int resource, long long soft, long long hard, const char *name) {
  if (soft < 0) return;
  struct rlimit r = {.rlim_cur = (rlim_t)soft, .rlim_max = (rlim_t)hard};
  if (setrlimit(resource, &r) != 0) die(name);
}

static void apply_limits(const struct options *o) {
  set_limit(RLIMIT_NPROC, o->nproc, o->nproc, "RLIMIT_NPROC");
  /* soft then hard: SIGXCPU first, SIGKILL a second later */
  set_limit(RLIMIT_CPU, o->cpu, o->cpu + 1, "RLIMIT_CPU");
  set_limit(RLIMIT_FSIZE, o->fsize, o->fsize, "RLIMIT_FSIZE");
  set_limit(RLIMIT_DATA, o->data, o->data, "RLIMIT_DATA");
}

static long long number(const char *flag, const char *s) {
  char *end;
  errno = 0;
  long long n = strtoll(s ? s : "", &end, 10);
  if (!s || errno || *end || n < 0) {
    fprintf(stderr, "nl-sh-confine: %s needs a non-negative number\n", flag);
    exit(2);
  }
  return n;
}

static void parse(int argc, char **argv, struct options *o) {
  int i = 1;
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--write") && v && o->nwrite < MAX_WRITE) o->write[o->nwrite++] = argv[++i];
    else if (!strcmp(a, "--no-net")) o->no_net = 1;
    else if (!strcmp(a, "--no-signal-out")) o->no_signal_out = 1;
    else if (!strcmp(a, "--best-effort")) o->best_effort = 1;
    else if (!strcmp(a, "--nproc")) o->nproc = number(a, argv[++i]);
    else if (!strcmp(a, "--cpu")) o->cpu = number(a, argv[++i]);
    else if (!strcmp(a, "--fsize")) o->fsize = number(a, argv[++i]);
    else if (!strcmp(a, "--data")) o->data = number(a, argv[++i]);
    else if (!strcmp(a, "--pids-cgroup")) o->pids_cgroup = number(a, argv[++i]);
    else {
      fprintf(stderr, "nl-sh-confine: unknown or incomplete option %s\n", a);
      exit(2);
    }
  }
  if (i + 1 >= argc) {
    fprintf(stderr, "nl-sh-confine: usage: nl-sh-confine [options] -- PROG ARGS... (or --probe)\n");
    exit(2);
  }
  o->argv = argv + i + 1;
}

static void probe(void) {
  printf("landlock_abi=%d\n", landlock_abi());
#ifdef NATIVE_ARCH
  int seccomp = prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0;
#else
  int seccomp = 0;
#endif
  printf("seccomp=%s\n", seccomp ? "yes" : "no");
  printf("pids_cgroup=%s\n", probe_pids_cgroup() ? "yes" : "no");
}

int main(int argc, char **argv) {
  if (argc == 2 && !strcmp(argv[1], "--probe")) {
    probe();
    return 0;
  }
  struct options o = {.nproc = -1, .cpu = -1, .fsize = -1, .data = -1, .pids_cgroup = -1};
  parse(argc, argv, &o);
  if (o.pids_cgroup >= 0) return run_in_pids_cgroup(o.pids_cgroup, o.argv);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) die("no_new_privs");
  apply_limits(&o);
  apply_landlock(&o);
  apply_socket_filter(&o);
  return run_reaped(o.argv, o.best_effort);
}
