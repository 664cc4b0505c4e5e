package io.wharf.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    @Test
    void aKeyWaitingInTheQueueIsThereOnce() throws Exception {
        try (WorkQueue<String> q = new WorkQueue<>("t", Duration.ofMillis(5), Duration.ofSeconds(1))) {
            q.add("a");
            q.add("b");
            q.add("a");
            assertThat(q.length()).isEqualTo(2);
            assertThat(q.take()).isEqualTo("a");
            assertThat(q.take()).isEqualTo("b");
        }
    }

    @Test
    void aKeyAddedWhileInFlightIsQueuedAgainOnlyWhenDone() throws Exception {
        try (WorkQueue<String> q = new WorkQueue<>("t", Duration.ofMillis(5), Duration.ofSeconds(1))) {
            q.add("a");
            String k = q.take();
            q.add("a");
            assertThat(q.length()).as("not handed to a second worker while the first has it").isZero();
            q.done(k);
            assertThat(q.length()).isEqualTo(1);
            assertThat(q.take()).isEqualTo("a");
        }
    }

    @Test
    void failuresBackOffExponentiallyAndForgetResets() throws Exception {
        try (WorkQueue<String> q = new WorkQueue<>("t", Duration.ofMillis(40), Duration.ofSeconds(5))) {
            long t0 = System.nanoTime();
            q.addRateLimited("a");
            q.take();
            q.done("a");
            long first = System.nanoTime() - t0;
            t0 = System.nanoTime();
            q.addRateLimited("a");
            q.take();
            q.done("a");
            long second = System.nanoTime() - t0;
            assertThat(TimeUnit.NANOSECONDS.toMillis(first)).isGreaterThanOrEqualTo(35);
            assertThat(TimeUnit.NANOSECONDS.toMillis(second)).isGreaterThanOrEqualTo(75);
            q.forget("a");
            t0 = System.nanoTime();
            q.addRateLimited("a");
            q.take();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(75);
        }
    }

    @Test
    void closingReleasesWaitingWorkers() throws Exception {
        WorkQueue<String> q = new WorkQueue<>("t", Duration.ofMillis(5), Duration.ofSeconds(1));
        CompletableFuture<String> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return q.take();
            } catch (InterruptedException e) {
                return "interrupted";
            }
        });
        Thread.sleep(100);
        q.close();
        assertThat(taken.get(5, TimeUnit.SECONDS)).isNull();
    }
}
