package io.bulwark.vulns.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Real version strings from the shared test data (never copied into this repository), paired for
 * differential tests: the 2015 legacy vulnerability list with its dirty First/LastVersion values,
 * the WordPress.org plugin, theme and core release logs, and every latest WordPress.org version
 * that is not plain dotted digits.
 */
final class SharedVersionData {
    private static final List<String> PROBES = List.of("1.0", "1.0.0", "", "v1.0", "1.0-beta");
    private static final Pattern YAML_VERSION = Pattern.compile(
            "(?:FirstVersion|LastVersion): ('(?:[^']|'')*'|[^,}]*)");
    private static final Pattern PLAIN_VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private SharedVersionData() {
    }

    /**
     * Pairs of real versions: as they appear together in the files, each with itself, with two
     * random others, and with a few probes.
     *
     * @param dataDirectory the {@code shared/data} folder
     * @throws IOException if a file is missing or unreadable
     */
    static List<VersionPairs.Pair> pairs(Path dataDirectory) throws IOException {
        Path legacy = dataDirectory.resolve("legacy-vulns/plugin-vulnerabilities-2015-08-10.yaml");
        Path wporg = dataDirectory.resolve("wporg");
        if (!Files.isReadable(legacy) || !Files.isDirectory(wporg)) {
            throw new IOException("Shared test data missing: expected " + legacy.toAbsolutePath()
                    + " and " + wporg.toAbsolutePath());
        }
        List<VersionPairs.Pair> pairs = new ArrayList<>();
        Set<String> pool = new LinkedHashSet<>();
        for (String line : Files.readAllLines(legacy, StandardCharsets.UTF_8)) {
            List<String> values = new ArrayList<>();
            Matcher matcher = YAML_VERSION.matcher(line);
            while (matcher.find()) {
                values.add(yamlScalar(matcher.group(1)));
            }
            if (values.size() == 2) {
                pairs.add(new VersionPairs.Pair(values.get(0), values.get(1)));
            }
            pool.addAll(values);
        }
        readReleaseLog(wporg.resolve("plugin-releases.csv"), pairs, pool);
        readReleaseLog(wporg.resolve("theme-releases.csv"), pairs, pool);
        readCoreReleases(wporg.resolve("core-releases.csv"), pairs, pool);
        readOddLatestVersions(wporg.resolve("latest-versions.json.gz"), pool);

        Random random = new Random(pool.size());
        List<String> pooled = new ArrayList<>(pool);
        for (String version : pooled) {
            pairs.add(new VersionPairs.Pair(version, version));
            pairs.add(new VersionPairs.Pair(version, pooled.get(random.nextInt(pooled.size()))));
            pairs.add(new VersionPairs.Pair(pooled.get(random.nextInt(pooled.size())), version));
            for (String probe : PROBES) {
                pairs.add(new VersionPairs.Pair(version, probe));
            }
        }
        return pairs;
    }

    private static void readReleaseLog(Path csv, List<VersionPairs.Pair> pairs, Set<String> pool)
            throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = csvFields(line);
            String version = fields.get(2);
            String previous = fields.get(3);
            pool.add(version);
            if (!previous.isEmpty()) {
                pool.add(previous);
                pairs.add(new VersionPairs.Pair(previous, version));
            }
        }
    }

    private static void readCoreReleases(Path csv, List<VersionPairs.Pair> pairs, Set<String> pool)
            throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String previous = "";
        for (String line : lines.subList(1, lines.size())) {
            String version = csvFields(line).get(0);
            pool.add(version);
            pairs.add(new VersionPairs.Pair(previous, version));
            previous = version;
        }
    }

    private static void readOddLatestVersions(Path gzip, Set<String> pool) throws IOException {
        try (InputStream input = new GZIPInputStream(Files.newInputStream(gzip))) {
            JsonNode root = new ObjectMapper().readTree(input);
            for (String kind : List.of("plugins", "themes")) {
                for (JsonNode version : root.path(kind)) {
                    if (!PLAIN_VERSION.matcher(version.asText()).matches()) {
                        pool.add(version.asText());
                    }
                }
            }
        }
    }

    private static String yamlScalar(String raw) {
        String value = raw.strip();
        if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }

    /** Splits one RFC 4180 line; the release logs have no line breaks inside fields. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < line.length(); index++) {
            char current = line.charAt(index);
            if (quoted && current == '"' && index + 1 < line.length()
                    && line.charAt(index + 1) == '"') {
                field.append('"');
                index++;
            } else if (current == '"') {
                quoted = !quoted;
            } else if (current == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(current);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
