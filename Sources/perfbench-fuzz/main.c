// perfbench-fuzz: the fuzz targets of FuzzTarget.swift.
//
// Built normally, this main runs files through a target once each, for regression inputs:
//   perfbench-fuzz TARGET FILE...
// Built with -sanitize=fuzzer (Tests/Fuzz/fuzz.sh), libFuzzer's own main replaces this weak one
// and drives LLVMFuzzerTestOneInput with the target PERFBENCH_FUZZ_TARGET names.
#include "perfbench_fuzz.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((weak)) int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: perfbench-fuzz TARGET FILE...\ntargets: %s\n", perfbench_fuzz_targets());
        return 64;
    }
    // An empty input first: it names an unknown target before any file is read.
    if (perfbench_fuzz_run(argv[1], NULL, 0) < 0) {
        fprintf(stderr, "perfbench-fuzz: no target '%s'; targets: %s\n", argv[1], perfbench_fuzz_targets());
        return 64;
    }
    int inputs = 0;
    for (int i = 2; i < argc; i++) {
        FILE *file = fopen(argv[i], "rb");
        if (!file) {
            fprintf(stderr, "perfbench-fuzz: cannot read %s\n", argv[i]);
            return 66;
        }
        size_t capacity = 1 << 16, size = 0;
        uint8_t *data = malloc(capacity);
        size_t got;
        while (data && (got = fread(data + size, 1, capacity - size, file)) > 0) {
            size += got;
            if (size == capacity) {
                capacity *= 2;
                data = realloc(data, capacity);
            }
        }
        fclose(file);
        if (!data) return 74;
        if (perfbench_fuzz_run(argv[1], data, size) < 0) {
            fprintf(stderr, "perfbench-fuzz: no target '%s'; targets: %s\n", argv[1], perfbench_fuzz_targets());
            free(data);
            return 64;
        }
        free(data);
        inputs++;
    }
    printf("perfbench-fuzz %s: %d inputs, no crash\n", argv[1], inputs);
    return 0;
}
