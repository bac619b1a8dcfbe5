#include "llmroute_vocab.h"

extern const uint8_t llmroute_vocab_o200k_base_start[], llmroute_vocab_o200k_base_end[];
extern const uint8_t llmroute_vocab_cl100k_base_start[], llmroute_vocab_cl100k_base_end[];

llmroute_blob llmroute_vocab_o200k(void) {
    llmroute_blob b = { llmroute_vocab_o200k_base_start,
                        (size_t)(llmroute_vocab_o200k_base_end - llmroute_vocab_o200k_base_start) };
    return b;
}

llmroute_blob llmroute_vocab_cl100k(void) {
    llmroute_blob b = { llmroute_vocab_cl100k_base_start,
                        (size_t)(llmroute_vocab_cl100k_base_end - llmroute_vocab_cl100k_base_start) };
    return b;
}
