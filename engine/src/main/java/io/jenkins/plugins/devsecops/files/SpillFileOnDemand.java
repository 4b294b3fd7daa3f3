package io.jenkins.plugins.devsecops.files;

import java.io.IOException;

/**
 * A {@link SpillFile} made on first use, for stores that fall back to memory: when the file can't be made, or a write
 * to it fails, {@link #forWriting} gives null from then on and the store keeps later records in memory; what was
 * already written stays readable through {@link #forReading}. Thread-safe.
 */
public final class SpillFileOnDemand implements AutoCloseable {

    private final String prefix;
    private volatile SpillFile file;
    private volatile boolean failed;

    /** @param prefix the start of the file's name, e.g. {@code devsecops-iac-} */
    public SpillFileOnDemand(String prefix) {
        this.prefix = prefix;
    }

    /** The file to append to, made on first use; null once it could not be made or a write to it failed. */
    public SpillFile forWriting() {
        if (file == null && !failed) {
            synchronized (this) {
                if (file == null && !failed) {
                    try {
                        file = SpillFile.create(prefix);
                    } catch (IOException | RuntimeException e) {
                        failed = true;
                    }
                }
            }
        }
        return failed ? null : file;
    }

    /** Records that a write failed: later records stay in memory, those written before stay readable. */
    public void writeFailed() {
        failed = true;
    }

    /** The file records were written to, or null when none was made. */
    public SpillFile forReading() {
        return file;
    }

    @Override
    public void close() {
        SpillFile open = file;
        if (open != null) {
            open.close();
        }
    }
}
