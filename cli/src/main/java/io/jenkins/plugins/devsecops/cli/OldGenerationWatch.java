package io.jenkins.plugins.devsecops.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Keeps the serial collector's old generation near the live set, so that the memory of a long scan follows the work
 * in flight rather than the length of the scan.
 *
 * <p>The serial collector (the launcher's) promotes objects that outlive the young generation into the old one and,
 * while the heap may still grow, makes room there by growing the old generation rather than by collecting it: a
 * scan that runs four times as long touches four times as many old-generation pages with promoted garbage, though
 * what is alive stays the same. This watch listens to the collector's notifications and, when a young collection
 * leaves the old generation above its {@link OldGenerationBudget}, asks for a full collection (on a thread of its
 * own). It sets no limit: a scan that needs a larger heap gets it, and the budget follows the live set.
 *
 * <p>Only for the serial collector; with any other, without the management beans or with explicit collections
 * disabled ({@code -XX:+DisableExplicitGC}), {@link #start} does nothing.
 * {@value #DISABLE_PROPERTY}{@code =false} turns it off.
 */
final class OldGenerationWatch implements NotificationListener, AutoCloseable {

    /** The system property that turns the watch off ({@code false}). */
    static final String DISABLE_PROPERTY = "devsecops.oldGenerationWatch";

    static final String YOUNG_COLLECTOR = "Copy";
    static final String FULL_COLLECTOR = "MarkSweepCompact";
    static final String OLD_POOL = "Tenured Gen";

    /** 64 MiB: above the live set of a small scan, so that it never collects fully. */
    static final long DEFAULT_FLOOR = 64L << 20;
    static final long DEFAULT_HEADROOM = 32L << 20;

    private final OldGenerationBudget budget;
    private final List<NotificationEmitter> emitters;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicInteger requestedCollections = new AtomicInteger();
    /** When the last full collection ended (ms since the JVM started): young collections before it are stale. */
    private final AtomicLong lastFullCollectionEnd = new AtomicLong(-1);
    private final Thread collector;
    private volatile boolean closed;

    private OldGenerationWatch(OldGenerationBudget budget, List<NotificationEmitter> emitters) {
        this.budget = budget;
        this.emitters = emitters;
        this.collector = Thread.ofPlatform().daemon().name("devsecops-old-generation").unstarted(this::collectWhenAsked);
    }

    /** Starts watching when the JVM runs the serial collector and the watch is not turned off; else empty. */
    static Optional<OldGenerationWatch> start() {
        return start(new OldGenerationBudget(DEFAULT_FLOOR, DEFAULT_HEADROOM));
    }

    /** Starts watching with {@code budget} when the JVM runs the serial collector and the watch is not turned off. */
    static Optional<OldGenerationWatch> start(OldGenerationBudget budget) {
        if ("false".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY, "").strip())) {
            return Optional.empty();
        }
        List<NotificationEmitter> emitters = new ArrayList<>();
        boolean serial = false;
        try {
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (bean.getName().equals(YOUNG_COLLECTOR) || bean.getName().equals(FULL_COLLECTOR)) {
                    serial |= bean.getName().equals(FULL_COLLECTOR);
                    if (bean instanceof NotificationEmitter emitter) {
                        emitters.add(emitter);
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // no management beans in this runtime: nothing to watch
        }
        if (!serial || emitters.size() != 2 || explicitCollectionsDisabled()) {
            return Optional.empty();
        }
        OldGenerationWatch watch = new OldGenerationWatch(budget, List.copyOf(emitters));
        watch.collector.start();
        for (NotificationEmitter emitter : watch.emitters) {
            emitter.addNotificationListener(watch, null, null);
        }
        return Optional.of(watch);
    }

    /** Whether {@code System.gc()} does nothing here ({@code -XX:+DisableExplicitGC}): then there is no use watching. */
    private static boolean explicitCollectionsDisabled() {
        try {
            HotSpotDiagnosticMXBean diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return diagnostics != null && Boolean.parseBoolean(diagnostics.getVMOption("DisableExplicitGC").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (closed || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())
                || !(notification.getUserData() instanceof CompositeData data)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(data);
        MemoryUsage old = info.getGcInfo().getMemoryUsageAfterGc().get(OLD_POOL);
        if (old == null) {
            return;
        }
        if (info.getGcName().equals(FULL_COLLECTOR)) {
            lastFullCollectionEnd.accumulateAndGet(info.getGcInfo().getEndTime(), Math::max);
            synchronized (budget) {
                budget.fullCollectionLeft(old.getUsed());
            }
            return;
        }
        if (info.getGcInfo().getStartTime() < lastFullCollectionEnd.get()) {
            return; // delivered late: a full collection came after it
        }
        boolean due;
        synchronized (budget) {
            due = budget.isDue(old.getUsed());
        }
        if (due && requested.compareAndSet(false, true)) {
            synchronized (requested) {
                requested.notifyAll();
            }
        }
    }

    private void collectWhenAsked() {
        while (!closed) {
            synchronized (requested) {
                while (!requested.get() && !closed) {
                    try {
                        requested.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (closed) {
                return;
            }
            requestedCollections.incrementAndGet();
            System.gc(); // the serial collector's full collection; its notification resets the budget
            requested.set(false);
        }
    }

    /** How many full collections this watch asked for. */
    int requestedCollections() {
        return requestedCollections.get();
    }

    @Override
    public void close() {
        closed = true;
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException e) {
                // already removed
            }
        }
        synchronized (requested) {
            requested.notifyAll();
        }
    }
}
