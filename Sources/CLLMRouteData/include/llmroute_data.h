#ifndef LLMROUTE_DATA_H
#define LLMROUTE_DATA_H
#include <stddef.h>
#include <stdint.h>
// Blobs linked into the binary with .incbin (see vocab.S): read-only, mapped with the executable,
// so loading them costs nothing until a page is touched.
typedef struct { const uint8_t *bytes; size_t count; } llmroute_blob;
#endif
