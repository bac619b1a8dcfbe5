#ifndef LLMROUTE_CREADLINE_SHIM_H
#define LLMROUTE_CREADLINE_SHIM_H
// readline.h needs stdio.h first (it uses FILE without including it).
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// readline is configured through global variables, which Swift 6 refuses to touch from
// concurrency-checked code. These accessors are the only way llmroute reads or sets them.

/// Application name for ~/.inputrc `$if llmroute`; SIGINT left to the caller, SIGWINCH to
/// readline for as long as a line is read; the completion hook.
static inline void llmroute_rl_setup(rl_completion_func_t *complete) {
    rl_readline_name = "llmroute";
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
    rl_persistent_signal_handlers = 1;
    rl_attempted_completion_function = complete;
}

static inline void llmroute_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }
static inline const char *llmroute_rl_line_buffer(void) { return rl_line_buffer; }
static inline void llmroute_rl_move_to_end(void) { rl_point = rl_end; rl_redisplay(); }
static inline int llmroute_rl_input_fd(void) { return fileno(rl_instream ? rl_instream : stdin); }

/// The newest history entry's text, or NULL when the history is empty.
static inline const char *llmroute_history_last(void) {
    if (history_length <= 0) return NULL;
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry ? entry->line : NULL;
}
#endif
