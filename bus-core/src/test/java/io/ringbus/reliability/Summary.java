package io.ringbus.reliability;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Prints a summary line where it is seen: the test's output (which the build may redirect to a report
 * file), the process's own stderr, and {@code target/reliability-summary.txt}.
 */
final class Summary {
    private Summary() {
    }

    static void print(String line) {
        System.out.println(line);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        err.println(line);
        err.flush();
        try {
            Path dir = Path.of("target");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("reliability-summary.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("(could not write target/reliability-summary.txt: " + e + ")");
        }
    }
}
