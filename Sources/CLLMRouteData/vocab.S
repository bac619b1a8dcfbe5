// Tokenizer vocabularies (see Scripts/tokenizer/make_vocab_blob.py for the format), linked
// into .rodata so they are mapped with the executable and paged in only when touched.
// 16-byte alignment lets Swift read the u32 tables in place with aligned loads.
#define VOCAB_BLOB(name, file) \
    .section .rodata; .balign 16; .global name##_start; name##_start: .incbin file; \
    .global name##_end; name##_end: .byte 0

VOCAB_BLOB(llmroute_vocab_o200k_base, "o200k_base.bin")
VOCAB_BLOB(llmroute_vocab_cl100k_base, "cl100k_base.bin")
.section .note.GNU-stack,"",@progbits
