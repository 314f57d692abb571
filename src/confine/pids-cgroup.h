/* A pids cgroup around a whole sandbox, for root (whom RLIMIT_NPROC does not bind). */
#ifndef NLSH_PIDS_CGROUP_H
#define NLSH_PIDS_CGROUP_H

/* Whether a pids cgroup can be made here (a child of our own cgroup, then removed). */
int probe_pids_cgroup(void);

/* Run argv in a new pids cgroup capped at max tasks; wait, kill what is left, remove it. */
int run_in_pids_cgroup(long long max, char **argv);

#endif
