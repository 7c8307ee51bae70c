package vmlayout.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import vmlayout.config.InputException;

/**
 * The fuzz run, outside the unit tests: every parser gets N generated and mutated inputs (default
 * 100,000), each with a time bound. An input may be accepted or rejected with an InputException (one
 * line); anything else thrown is a bug, and so is an input whose reading takes more CPU time than the
 * bound, or still runs after 31 times the bound (an input past the bound in wall time only, on a busy
 * machine, is counted apart).
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=vmlayout.fuzz.Fuzz -Dexec.args="100000"</pre>
 * (arguments: inputs per parser, random seed, and optionally a comma-separated list of parsers)
 *
 * Prints one line per parser and a closing "N passed, N failed" line; exits 1 when a parser failed.
 */
public final class Fuzz {

    /**
     * One parser under test: a name, seed inputs to mutate, and the call; or a generator of whole
     * inputs ({@link WholeFiles}) and how many of the run's N it gets (1 in {@code share}: a whole
     * hostile file is up to megabytes, a mutated value a few bytes).
     */
    record Target(String name, List<String> seeds, Consumer<String> call, Function<Random, String> generator, int share,
                  java.util.function.ToLongFunction<String> boundMs) {
        Target(String name, List<String> seeds, Consumer<String> call) {
            this(name, seeds, call, null, 1, s -> BOUND_MS);
        }

        String next(Random r) {
            return generator != null ? generator.apply(r) : Mutator.next(r, seeds);
        }
    }

    static final long BOUND_MS = 2000;

    private Fuzz() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261125L;
        List<Target> targets = new java.util.ArrayList<>(FuzzTargets.all());
        if (args.length > 2) { // only these targets, e.g. "dtb,kconfig"
            List<String> only = List.of(args[2].split(","));
            targets.removeIf(t -> !only.contains(t.name()));
        }
        int passed = 0;
        int failed = 0;
        for (Target t : targets) {
            Map<String, Integer> counts = run(t, Math.max(1, n / t.share()), new Random(seed ^ t.name().hashCode()));
            boolean ok = counts.get("uncaught") == 0 && counts.get("hangs") == 0 && counts.get("multi-line") == 0;
            System.out.printf("%-20s %7d inputs: %7d accepted, %7d rejected (one line), %d uncaught, %d hangs, %d multi-line"
                            + " (%d past the bound in wall time only)%s%n",
                    t.name(), counts.get("inputs"), counts.get("accepted"), counts.get("rejected"), counts.get("uncaught"),
                    counts.get("hangs"), counts.get("multi-line"), counts.get("slow-wall"), ok ? "" : "  FAILED");
            if (ok) {
                passed++;
            } else {
                failed++;
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    /** CPU time of the thread that reads an input. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static Map<String, Integer> run(Target t, int n, Random rnd) throws Exception {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String k : new String[]{"inputs", "accepted", "rejected", "uncaught", "hangs", "multi-line", "slow-wall"}) {
            c.put(k, 0);
        }
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "fuzz-" + t.name());
            th.setDaemon(true);
            return th;
        });
        List<String> firstUncaught = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String input = i < t.seeds().size() ? t.seeds().get(i) : t.next(rnd);
            c.merge("inputs", 1, Integer::sum);
            long[] cpuNs = {-1};
            Future<?> f = pool.submit(() -> {
                long c0 = CPU.getCurrentThreadCpuTime();
                try {
                    t.call().accept(input);
                } finally {
                    cpuNs[0] = CPU.getCurrentThreadCpuTime() - c0;
                }
            });
            long bound = t.boundMs().applyAsLong(input);
            try {
                try {
                    f.get(bound, TimeUnit.MILLISECONDS);
                } catch (TimeoutException slow) {
                    // the bound is on the input's own CPU time: on a shared machine (other builds, or the
                    // previous input still running) the wall clock says little. Wait for it to end, up to
                    // 30 times its bound, so that it does not take the CPU of the inputs after it either
                    try {
                        f.get(30 * bound, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.ExecutionException thrown) {
                        if (cpuNs[0] / 1_000_000 > bound) {
                            throw slow;
                        }
                        c.merge("slow-wall", 1, Integer::sum);
                        throw thrown;
                    }
                    if (cpuNs[0] / 1_000_000 > bound) {
                        throw slow;
                    }
                    c.merge("slow-wall", 1, Integer::sum);
                }
                c.merge("accepted", 1, Integer::sum);
            } catch (TimeoutException e) {
                c.merge("hangs", 1, Integer::sum);
                System.out.println("  hang: " + t.name() + " (" + input.length() + " chars, bound " + bound + " ms, CPU "
                        + (cpuNs[0] < 0 ? "still running after " + 31 * bound + " ms" : cpuNs[0] / 1_000_000 + " ms") + ") "
                        + Mutator.show(input));
                java.nio.file.Path dir = java.nio.file.Paths.get("target", "fuzz-hangs");
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.write(dir.resolve(t.name() + "-" + i + ".txt"),
                        input.getBytes(t.generator() != null ? java.nio.charset.StandardCharsets.ISO_8859_1
                                : java.nio.charset.StandardCharsets.UTF_8));
                f.cancel(true);
                pool.shutdownNow();
                pool = Executors.newSingleThreadExecutor();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof InputException) {
                    c.merge("rejected", 1, Integer::sum);
                    String m = cause.getMessage();
                    if (m == null || m.isBlank() || m.contains("\n")) {
                        c.merge("multi-line", 1, Integer::sum);
                    }
                } else {
                    c.merge("uncaught", 1, Integer::sum);
                    if (firstUncaught.size() < 5) {
                        firstUncaught.add(cause + " <- " + Mutator.show(input));
                        java.nio.file.Path dir = java.nio.file.Paths.get("target", "fuzz-failures");
                        java.nio.file.Files.createDirectories(dir);
                        java.nio.file.Files.write(dir.resolve(t.name() + "-" + i + ".txt"),
                                input.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        pool.shutdownNow();
        for (String u : firstUncaught) {
            System.out.println("  uncaught: " + t.name() + ": " + u);
        }
        return c;
    }
}
