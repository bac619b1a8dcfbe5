#ifndef LLMROUTE_CLASSIFIER_H
#define LLMROUTE_CLASSIFIER_H
#include "llmroute_data.h"
// Weights of the local prompt classifier (format: LLMRouteCore/Classifier/ClassifierModelLayout.swift).
// 64-byte aligned, so the float arrays inside can be read in place.
llmroute_blob llmroute_classifier_blob(void);
#endif
