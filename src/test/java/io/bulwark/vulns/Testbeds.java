package io.bulwark.vulns;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** One {@link Testbed} per database kind for a test class, reset before each use. */
final class Testbeds implements AutoCloseable {
    private final Map<String, Testbed> open = new HashMap<>();

    /** The kinds every storage test runs on. */
    static Stream<String> kinds() {
        return Stream.of("sqlite", "postgresql");
    }

    /** The testbed of {@code kind}, emptied of feed data. */
    Testbed get(String kind) {
        return open.computeIfAbsent(kind, Testbed::open).reset();
    }

    @Override
    public void close() {
        open.values().forEach(Testbed::close);
    }
}
