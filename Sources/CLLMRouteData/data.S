// Each blob: a symbol at its start and one at its end, in .rodata.
#define BLOB(name, file) \
    .section .rodata; .balign 16; .global name##_start; name##_start: .incbin file; .global name##_end; name##_end: .byte 0

BLOB(llmroute_probe, "probe.bin")
.section .note.GNU-stack,"",@progbits
