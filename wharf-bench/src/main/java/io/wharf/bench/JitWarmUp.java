package io.wharf.bench;

/**
 * Warms a server up with a workload until its JIT compilers have mostly finished: at least a minimum
 * time, then on in short steps while the compiler threads still use more than a fifth of a core,
 * up to a maximum. A backend whose code paths are larger (the etcd client brings its own gRPC and
 * Netty) takes longer to compile, and on a small machine the compilers compete with the workload
 * for CPU, so a fixed warm-up would measure one backend before its code is compiled.
 */
final class JitWarmUp {
    /** Runs the workload for about the given time; {@code step} numbers the calls from 0. */
    interface Workload {
        void run(int step, long millis) throws Exception;
    }

    /** How long the warm-up took, and the compilers' CPU use (percent of one core) in its last step. */
    record Outcome(long millis, long compilerPercent) {
    }

    static final long STEP_MS = 2_000;
    static final long SETTLED_COMPILER_PERCENT = 20;
    /** The thread group of HotSpot's C1 and C2 compiler threads, as {@link CpuMeter#group} names it. */
    static final String COMPILERS = CpuMeter.group("C2 CompilerThre");

    private JitWarmUp() {
    }

    static Outcome run(BenchServer server, Workload workload, long minMillis, long maxMillis) throws Exception {
        long t0 = System.nanoTime();
        workload.run(0, minMillis);
        int step = 1;
        long compilers;
        do {
            CpuMeter cpu = new CpuMeter().watch("server", server.process.pid()).start();
            workload.run(step++, STEP_MS);
            compilers = cpu.threadGroupPercents("server").getOrDefault(COMPILERS, 0L);
        } while (compilers > SETTLED_COMPILER_PERCENT && (System.nanoTime() - t0) / 1_000_000 + STEP_MS <= maxMillis);
        return new Outcome((System.nanoTime() - t0) / 1_000_000, compilers);
    }
}
