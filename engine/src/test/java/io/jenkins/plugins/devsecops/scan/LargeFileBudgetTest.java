package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large files are read whole: the scan threads hold no more of them at once than the budget. */
class LargeFileBudgetTest {

    @TempDir
    Path temp;

    private SourceFile file(String name, int bytes) throws Exception {
        Path path = temp.resolve(name);
        Files.write(path, "x".repeat(bytes).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new SourceFile(path, name, Files.size(path));
    }

    @Test
    void shouldScanALargeFileThatDoesNotFitBesideAnotherOnlyOnceTheOtherIsDone() throws Exception {
        // Given a budget of 4 MiB, a 3 MiB file being scanned and another 3 MiB file
        LargeFileBudget budget = new LargeFileBudget(4);
        SourceFile first = file("first.log", 3 << 20);
        SourceFile second = file("second.log", 3 << 20);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicInteger scanning = new AtomicInteger();
        Thread one = Thread.ofPlatform().start(() -> run(budget, first, () -> {
            scanning.incrementAndGet();
            firstStarted.countDown();
            await(firstMayEnd);
            scanning.decrementAndGet();
        }));
        firstStarted.await();

        // When the second asks for room while the first is scanned
        Thread two = Thread.ofPlatform().start(() -> run(budget, second, () -> {
            overlapped.set(scanning.get() > 0);
            secondRan.set(true);
        }));
        while (!budget.hasWaiting()) {
            Thread.onSpinWait();
        }

        // Then it waits, and is scanned once the first is done, never beside it
        assertThat(secondRan).isFalse();
        firstMayEnd.countDown();
        one.join();
        two.join();
        assertThat(secondRan).isTrue();
        assertThat(overlapped).isFalse();
    }

    @Test
    void shouldLetSmallFilesAndFilesThatFitTogetherThrough() throws Exception {
        // Given a budget of 4 MiB, a 2 MiB file being scanned
        LargeFileBudget budget = new LargeFileBudget(4);
        SourceFile large = file("a.json", 2 << 20);
        SourceFile fits = file("b.json", (1 << 20) + 1);
        SourceFile small = file("c.json", 1000);
        SourceFile huge = file("d.json", 5 << 20);
        AtomicInteger scannedInside = new AtomicInteger();

        // When a 2 MiB file and a small one are scanned while it is
        budget.scan(large, () -> {
            run(budget, fits, scannedInside::incrementAndGet);
            run(budget, small, scannedInside::incrementAndGet);
        });

        // Then both went through at once; a file larger than the budget takes all of it, a small one nothing
        assertThat(scannedInside).hasValue(2);
        assertThat(budget.mibOf(huge)).isEqualTo(4);
        assertThat(budget.mibOf(small)).isZero();
        assertThat(budget.mibOf(fits)).isEqualTo(2);
        assertThat(budget.mibOf(SourceFile.ofContent("blob", new byte[3 << 20]))).isZero();
    }

    private static void run(LargeFileBudget budget, SourceFile file, Runnable scan) {
        try {
            budget.scan(file, scan);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
