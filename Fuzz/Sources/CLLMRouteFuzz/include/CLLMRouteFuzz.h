// libFuzzer's entry point for programs that own `main` (compiler-rt/lib/fuzzer/FuzzerInterface.h).
// The fuzz targets call it from their top-level code with their per-input function.
#ifndef CLLMROUTEFUZZ_H
#define CLLMROUTEFUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
