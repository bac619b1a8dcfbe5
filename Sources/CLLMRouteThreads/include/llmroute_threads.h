#ifndef LLMROUTE_THREADS_H
#define LLMROUTE_THREADS_H

/// Starts `body(context)` on a new detached thread that begins on a CPU other than the
/// caller's when the process may use more than one, then widens its affinity back to every
/// CPU the process had. Returns 0, or the pthread_create error (body then never runs).
///
/// Why: Linux queues a new thread on its creator's CPU, and while the creator keeps running
/// the thread waits there until the load balancer moves it, 0.6 to 3 ms later on our 2-core
/// machines; started on the idle core, it runs within about 0.15 ms.
int llmroute_thread_start_elsewhere(void *(*body)(void *), void *context);

/// How many CPUs the calling thread may run on, or -1 if that cannot be read.
int llmroute_thread_allowed_cpus(void);

#endif
