package io.jenkins.plugins.devsecops.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Optional;

/**
 * Run by {@link OldGenerationWatchTest} in a JVM of its own (serial collector, small young generation): makes
 * medium-lived garbage — arrays that outlive a few young collections, are promoted, then die — as a long scan does,
 * at a pace nearer a scan's (a millisecond's pause every 512 KiB), and prints the old generation's peak use and the
 * full collections the watch asked for.
 */
public final class OldGenerationWatchProbe {

    private OldGenerationWatchProbe() {
    }

    public static void main(String[] args) throws Exception {
        long totalBytes = Long.parseLong(args[0]) << 20;
        Optional<OldGenerationWatch> watch = OldGenerationWatch.start(new OldGenerationBudget(16L << 20, 8L << 20));
        byte[][] ring = new byte[64][]; // 64 × 256 KiB = 16 MiB alive at any time
        long sum = 0;
        for (long made = 0, i = 0; made < totalBytes; made += 256 << 10, i++) {
            byte[] array = new byte[256 << 10];
            array[(int) (i % array.length)] = (byte) i;
            ring[(int) (i % ring.length)] = array;
            if (i % 2 == 1) {
                Thread.sleep(1);
            }
            sum += ring[(int) ((i * 7) % ring.length)] == null ? 0 : ring[(int) ((i * 7) % ring.length)][0];
        }
        long peak = -1;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(OldGenerationWatch.OLD_POOL)) {
                peak = pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("watching=" + watch.isPresent());
        System.out.println("peakOld=" + peak);
        System.out.println("requested=" + watch.map(OldGenerationWatch::requestedCollections).orElse(0));
        System.out.println("checksum=" + sum);
        watch.ifPresent(OldGenerationWatch::close);
    }
}
