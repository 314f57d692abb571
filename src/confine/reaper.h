/* The command as a child of a subreaper: nothing it starts outlives it. */
#ifndef NLSH_REAPER_H
#define NLSH_REAPER_H

/* Run argv (already confined) as our child, in a process group of its own and unable to signal
 * us; when it ends, kill and reap every process it left behind. best_effort: run it even where
 * the signal guard cannot be applied. Returns its exit status, 128 + signal if it was killed,
 * 126/127 if it could not run. */
int run_reaped(char **argv, int best_effort);

#endif
