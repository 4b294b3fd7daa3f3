package io.jenkins.plugins.devsecops.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with a clear error once more than a given number of bytes were read: a report that grows while read. */
final class CappedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    CappedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new IOException("The report is larger than the import limit of " + limit + " bytes (option imports.maxReportSize)");
        }
    }
}
