/*
 * The helper's own safety. Under process control the command may signal the user's processes,
 * and the helper is one of them: were it killed, what the command left running would outlive
 * it (keeping the terminal). So the command's process gets, just before exec, one more seccomp
 * filter; every call below fails with EPERM, whatever the signal (0, SIGSTOP included):
 * - kill, tkill, rt_sigqueueinfo to the helper's pid, to minus its process group, or to -1
 *   (every process the caller may signal, the helper among them); tgkill and
 *   rt_tgsigqueueinfo with either the group or the thread id among those values.
 * - setpgid into the helper's process group (kill(0) from there would reach it); the command
 *   runs in a process group of its own, so kill(0) reaches only the command's own group.
 * - fcntl F_SETOWN to those values (SIGIO and F_SETSIG signals go to the owner, with the
 *   permission of whoever set it), F_SETOWN_EX and the socket ioctls FIOSETOWN and SIOCSPGRP
 *   (they take the pid through a pointer, which a filter cannot read).
 * - pidfd_open and pidfd_send_signal: a pidfd, or an open /proc/PID directory, names a process
 *   through an fd the filter cannot read. kill, pkill and bash's kill use kill(2); psmisc's
 *   killall uses pidfd_send_signal on /proc/PID and so cannot signal here.
 * - ptrace and process_vm_writev (Landlock already keeps writes to /proc/PID/mem out).
 * The pid arguments are ints: the kernel reads the low 32 bits of the register and ignores the
 * high ones, so the filter compares the low word only; any high word matches too.
 * Compat (i386, x32) calls are refused by the socket filter already.
 */
#define _GNU_SOURCE
#include "signal-guard.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <linux/sockios.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "seccomp-arch.h"
#ifndef __NR_pidfd_send_signal
#define __NR_pidfd_send_signal 424
#endif
#ifndef __NR_pidfd_open
#define __NR_pidfd_open 434
#endif
#ifndef F_SETOWN_EX
#define F_SETOWN_EX 15
#endif

#ifdef NATIVE_ARCH
#define MAX_INSNS 128
/* jump targets patched once the program is complete */
#define TO_DENY 0xff
#define TO_ALLOW 0xfe

struct program {
  struct sock_filter f[MAX_INSNS];
  unsigned n;
};

static void emit(struct program *p, struct sock_filter insn) {
  if (p->n < MAX_INSNS) p->f[p->n] = insn;
  p->n++;
}

static void load(struct program *p, uint32_t offset) { emit(p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offset)); }

/* if A == value: deny; else the next instruction */
static void deny_if(struct program *p, uint32_t value) { emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, value, TO_DENY, 0)); }

/* if A != value: skip the next `skip` instructions */
static void unless(struct program *p, uint32_t value, uint8_t skip) { emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, value, 0, skip)); }

/* Syscall nr: deny if argument `arg` (an int) is one of the `n` values. */
static void deny_arg(struct program *p, uint32_t nr, int arg, const uint32_t *values, int n) {
  load(p, offsetof(struct seccomp_data, nr));
  unless(p, nr, (uint8_t)(1 + n));
  load(p, ARG_LO(arg));
  for (int i = 0; i < n; i++) deny_if(p, values[i]);
}
#endif

int guard_helper_from_signals(pid_t helper, pid_t group) {
#ifdef NATIVE_ARCH
  /* the helper; every process (-1); the helper's group; the helper's pid as a group */
  const uint32_t targets[] = {(uint32_t)helper, (uint32_t)-1, (uint32_t)-group, (uint32_t)-helper};
  const int n = sizeof targets / sizeof targets[0];
  struct program p = {.n = 0};
  load(&p, offsetof(struct seccomp_data, arch));
  emit(&p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 0, TO_ALLOW));
  deny_arg(&p, __NR_kill, 0, targets, n);
  deny_arg(&p, __NR_tkill, 0, targets, n);
  deny_arg(&p, __NR_rt_sigqueueinfo, 0, targets, n);
  deny_arg(&p, __NR_tgkill, 0, targets, n);
  deny_arg(&p, __NR_tgkill, 1, targets, n);
  deny_arg(&p, __NR_rt_tgsigqueueinfo, 0, targets, n);
  deny_arg(&p, __NR_rt_tgsigqueueinfo, 1, targets, n);
  const uint32_t groups[] = {(uint32_t)group, (uint32_t)helper};
  deny_arg(&p, __NR_setpgid, 1, groups, 2);
  /* fcntl(fd, F_SETOWN, target); F_SETOWN_EX always */
  load(&p, offsetof(struct seccomp_data, nr));
  unless(&p, __NR_fcntl, (uint8_t)(4 + n));
  load(&p, ARG_LO(1));
  deny_if(&p, F_SETOWN_EX);
  unless(&p, F_SETOWN, (uint8_t)(1 + n));
  load(&p, ARG_LO(2));
  for (int i = 0; i < n; i++) deny_if(&p, targets[i]);
  /* ioctl(fd, FIOSETOWN or SIOCSPGRP, &pid) */
  load(&p, offsetof(struct seccomp_data, nr));
  unless(&p, __NR_ioctl, 3);
  load(&p, ARG_LO(1));
  deny_if(&p, FIOSETOWN);
  deny_if(&p, SIOCSPGRP);
  load(&p, offsetof(struct seccomp_data, nr));
  deny_if(&p, __NR_pidfd_open);
  deny_if(&p, __NR_pidfd_send_signal);
  deny_if(&p, __NR_ptrace);
  deny_if(&p, __NR_process_vm_writev);
  unsigned allow = p.n;
  emit(&p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  unsigned deny = p.n;
  emit(&p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM));
  if (p.n > MAX_INSNS) {
    errno = E2BIG;
    return -1;
  }
  for (unsigned i = 0; i < allow; i++) {
    struct sock_filter *f = &p.f[i];
    if (BPF_CLASS(f->code) != BPF_JMP) continue;
    if (f->jt == TO_DENY) f->jt = (uint8_t)(deny - i - 1);
    if (f->jt == TO_ALLOW) f->jt = (uint8_t)(allow - i - 1);
    if (f->jf == TO_ALLOW) f->jf = (uint8_t)(allow - i - 1);
  }
  struct sock_fprog prog = {.len = (unsigned short)p.n, .filter = p.f};
  return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
#else
  (void)helper;
  (void)group;
  errno = ENOSYS;
  return -1;
#endif
}
