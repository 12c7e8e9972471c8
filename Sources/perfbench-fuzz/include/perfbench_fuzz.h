#ifndef PERFBENCH_FUZZ_H
#define PERFBENCH_FUZZ_H
#include <stddef.h>
#include <stdint.h>

/// One input through the named target (see FuzzTarget.swift); -1 when there is no such target.
int perfbench_fuzz_run(const char *target, const uint8_t *data, size_t size);
/// The targets' names, space-separated.
const char *perfbench_fuzz_targets(void);

#endif
