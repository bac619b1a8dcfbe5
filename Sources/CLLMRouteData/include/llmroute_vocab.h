#ifndef LLMROUTE_VOCAB_H
#define LLMROUTE_VOCAB_H
#include "llmroute_data.h"
// BPE vocabulary blobs (o200k_base, cl100k_base) built by Scripts/tokenizer/make_vocab_blob.py.
// Read-only and 16-byte aligned; Sources/LLMRouteCore/Tokens/VocabularyTable.swift reads them.
llmroute_blob llmroute_vocab_o200k(void);
llmroute_blob llmroute_vocab_cl100k(void);
#endif
