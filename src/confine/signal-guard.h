/* The command cannot signal the helper that reaps after it. */
#ifndef NLSH_SIGNAL_GUARD_H
#define NLSH_SIGNAL_GUARD_H

#include <sys/types.h>

/* In the command's process, just before exec: a seccomp filter (classic BPF) that refuses with
 * EPERM every way to signal the helper (pid `helper`, process group `group`) or every process
 * at once, and pidfd, ptrace and process_vm_writev. 0 on success, -1 with errno. */
int guard_helper_from_signals(pid_t helper, pid_t group);

#endif
