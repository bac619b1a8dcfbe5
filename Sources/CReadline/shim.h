#ifndef LLMROUTE_CREADLINE_SHIM_H
#define LLMROUTE_CREADLINE_SHIM_H
// readline.h needs stdio.h first (it uses FILE without including it).
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
#endif
