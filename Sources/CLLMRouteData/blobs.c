#include "llmroute_data.h"
extern const uint8_t llmroute_probe_start[], llmroute_probe_end[];
llmroute_blob llmroute_probe_blob(void) {
    llmroute_blob b = { llmroute_probe_start, (size_t)(llmroute_probe_end - llmroute_probe_start) };
    return b;
}
