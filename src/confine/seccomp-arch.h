/*
 * What both of nl-sh-confine's seccomp filters need to know about this machine: the native
 * architecture's audit tag (absent: no filter can be written here, and the helper says so), the
 * x32 syscall bit on x86_64, and where the low 32 bits of a syscall argument sit in
 * struct seccomp_data (int arguments: the kernel reads only those).
 */
#ifndef NL_SH_SECCOMP_ARCH_H
#define NL_SH_SECCOMP_ARCH_H

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stddef.h>

#if defined(__x86_64__) && !defined(__ILP32__)
#define NATIVE_ARCH AUDIT_ARCH_X86_64
#define X32_SYSCALL_BIT 0x40000000
#elif defined(__aarch64__) && !defined(__ILP32__)
#define NATIVE_ARCH AUDIT_ARCH_AARCH64
#endif

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ARG_LO(i) (offsetof(struct seccomp_data, args) + 8 * (i))
#else
#define ARG_LO(i) (offsetof(struct seccomp_data, args) + 8 * (i) + 4)
#endif

#endif
