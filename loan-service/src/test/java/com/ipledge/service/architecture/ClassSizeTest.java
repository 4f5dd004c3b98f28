package com.ipledge.service.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class of the service over {@value #MAX_LINES} lines (issue 15): a class that grows past it has more than
 * one job, and is split along its seams before the next feature piles onto it. Lines are counted as {@code wc -l}
 * counts them.
 */
class ClassSizeTest {
    static final int MAX_LINES = 400;
    /** Relative to the module, where surefire runs the tests. */
    private static final Path MAIN = Path.of("src/main/java/com/ipledge/service");

    @Test
    void noMainClassIsOverTheLimit() throws IOException {
        TreeMap<String, Long> offenders = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() > 100, "found the service's sources under " + MAIN.toAbsolutePath());
        for (Path p : sources) {
            long lines = lines(p);
            String name = MAIN.relativize(p).toString().replace('\\', '/');
            if (lines > MAX_LINES) {
                offenders.put(name, lines);
            }
        }
        assertEquals(new TreeMap<String, Long>(), offenders, "classes over " + MAX_LINES + " lines (file=lines)");
    }

    /** Newline characters, as {@code wc -l} counts: a last line without one is not counted. */
    private static long lines(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
