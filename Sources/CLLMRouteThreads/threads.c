#define _GNU_SOURCE
#include "llmroute_threads.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

struct start {
    void *(*body)(void *);
    void *context;
    cpu_set_t all;     // the affinity to return to once running
    int restore;
};

static void *trampoline(void *raw) {
    struct start start = *(struct start *)raw;
    free(raw);
    // Only the first run needs the other CPU; after that the scheduler may place it anywhere.
    if (start.restore) sched_setaffinity(0, sizeof start.all, &start.all);
    return start.body(start.context);
}

int llmroute_thread_start_elsewhere(void *(*body)(void *), void *context) {
    struct start *start = malloc(sizeof *start);
    if (!start) return -1;
    start->body = body;
    start->context = context;
    start->restore = 0;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    // A mask wider than cpu_set_t (over 1,024 CPUs) fails here: the thread then starts as usual.
    if (sched_getaffinity(0, sizeof start->all, &start->all) == 0) {
        int current = sched_getcpu();
        if (current >= 0 && current < CPU_SETSIZE && CPU_ISSET(current, &start->all) && CPU_COUNT(&start->all) > 1) {
            cpu_set_t others = start->all;
            CPU_CLR(current, &others);
            if (pthread_attr_setaffinity_np(&attributes, sizeof others, &others) == 0) start->restore = 1;
        }
    }
    pthread_t thread;
    int status = pthread_create(&thread, &attributes, trampoline, start);
    pthread_attr_destroy(&attributes);
    if (status != 0) free(start);
    return status;
}

int llmroute_thread_allowed_cpus(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return -1;
    return CPU_COUNT(&set);
}
