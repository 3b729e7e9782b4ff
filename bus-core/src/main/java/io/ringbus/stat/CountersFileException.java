package io.ringbus.stat;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a readable counters file: foreign, truncated, or of another layout version. */
public final class CountersFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file   the file
     * @param reason what is wrong with it, as one line
     */
    public CountersFileException(Path file, String reason) {
        super(file + ": " + reason);
    }
}
