#include "llmroute_classifier.h"
extern const uint8_t llmroute_classifier_start[], llmroute_classifier_end[];
llmroute_blob llmroute_classifier_blob(void) {
    llmroute_blob b = { llmroute_classifier_start,
                        (size_t)(llmroute_classifier_end - llmroute_classifier_start) };
    return b;
}
