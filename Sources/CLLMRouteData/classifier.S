// The local prompt classifier's weights (written by llmroute-train), linked into the binary.
// Kept in its own file so the classifier can be retrained without touching the other blobs.
.section .rodata
.balign 64
.global llmroute_classifier_start
llmroute_classifier_start:
.incbin "classifier.bin"
.global llmroute_classifier_end
llmroute_classifier_end:
.byte 0
.section .note.GNU-stack,"",@progbits
