package io.jenkins.plugins.devsecops.files;

import java.io.IOException;

/**
 * A file or directory the tool refused to read or write: a symbolic link inside the scanned tree, a FIFO, a device,
 * a directory where a file was expected. The message names the path and says why; it never quotes file content.
 */
public final class UnsafePathException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnsafePathException(String message) {
        super(message);
    }
}
