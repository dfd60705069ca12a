package org.workrelief.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: a number of clients each calling as fast as answers come back for a while,
 * every call numbered from one shared sequence (so that no two calls ask the same thing), and
 * each call's latency kept for the percentiles.
 */
final class Load {

    private Load() {
    }

    /** One call of a client; n is the call's number in the run. */
    interface Call {
        void call(long n) throws Exception;
    }

    /** What a run measured: calls that answered as expected, those that did not, and every latency. */
    record Result(long count, long errors, double seconds, long[] sortedLatenciesMicros) {

        double rate() {
            return count / seconds;
        }

        double percentileMillis(double p) {
            if (sortedLatenciesMicros.length == 0) {
                return 0;
            }
            int index = (int) Math.min(sortedLatenciesMicros.length - 1, Math.floor(p * sortedLatenciesMicros.length));
            return sortedLatenciesMicros[index] / 1000.0;
        }
    }

    static Result run(int clients, Duration duration, Call call, long firstSequence) throws Exception {
        AtomicLong sequence = new AtomicLong(firstSequence);
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 14];
                    int count = 0;
                    while (System.nanoTime() < deadline) {
                        long n = sequence.getAndIncrement();
                        long t0 = System.nanoTime();
                        try {
                            call.call(n);
                        }
                        catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.out.println("benchmark error: " + e.getMessage());
                            }
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = (System.nanoTime() - t0) / 1000;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> future : futures) {
                all.add(future.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(latencies.length - errors.get(), errors.get(), seconds, latencies);
        }
        finally {
            pool.shutdown();
        }
    }
}
