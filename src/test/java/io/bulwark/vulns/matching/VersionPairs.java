package io.bulwark.vulns.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Version strings and pairs for property and differential tests: random combinations of the
 * pieces that make version comparison hard.
 */
final class VersionPairs {
    private static final String[] TOKENS = {
        "0", "1", "2", "3", "9", "10", "01", "007", "20220202", "9223372036854775807",
        "9223372036854775808", "99999999999999999999", "rc", "RC", "Rc", "beta", "b", "Beta",
        "BETA", "betax", "alpha", "a", "Alpha", "dev", "DEV", "development", "pl", "p", "patch",
        "pre", "preview", "#", "#N#", "x", "e", "foo", "bar", "build", "decaf", "z", "é", "ü",
        "ñ1", " ", "~rc", "(beta)", "v", "V", ""};
    private static final String[] SEPARATORS = {
        ".", ".", ".", "-", "_", "+", "", "", "..", ".-", "-.", "~", " ", "/", "*"};

    private VersionPairs() {
    }

    /** Two versions to compare. */
    record Pair(String first, String second) {
        String describe() {
            return "'" + first + "' vs '" + second + "'";
        }
    }

    /** {@code count} pairs; about one in four pairs a version with a small variation of itself. */
    static List<Pair> generated(long seed, int count) {
        Random random = new Random(seed);
        List<Pair> pairs = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String first = version(random);
            String second = random.nextInt(4) == 0 ? mutate(first, random) : version(random);
            pairs.add(new Pair(first, second));
        }
        return pairs;
    }

    /** {@code count} versions: digits, words, separators, empty parts, {@code v} and {@code #}. */
    static List<String> versions(long seed, int count) {
        Random random = new Random(seed);
        List<String> versions = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            versions.add(version(random));
        }
        return versions;
    }

    private static String version(Random random) {
        StringBuilder version = new StringBuilder();
        int roll = random.nextInt(100);
        if (roll < 3) {
            return "";
        }
        if (roll < 15) {
            version.append(random.nextBoolean() ? "v" : "V");
        } else if (roll < 19) {
            version.append('#');
        } else if (roll < 24) {
            version.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        int tokens = 1 + random.nextInt(6);
        for (int index = 0; index < tokens; index++) {
            if (index > 0) {
                version.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            boolean number = random.nextInt(3) > 0;
            version.append(number
                    ? TOKENS[random.nextInt(12)]
                    : TOKENS[random.nextInt(TOKENS.length)]);
        }
        if (random.nextInt(10) == 0) {
            version.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return version.toString();
    }

    private static String mutate(String version, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> version + ".0";
            case 1 -> version.replace('-', '_');
            case 2 -> version.replace('.', '+');
            case 3 -> version.toLowerCase(Locale.ROOT);
            case 4 -> version + TOKENS[12 + random.nextInt(20)];
            default -> version;
        };
    }
}
