package io.bulwark.vulns.matching;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One interval of a Wordfence software entry's {@code affected_versions}, evaluated as
 * Wordfence's scanner evaluates it: a bound that is exactly {@code "*"} is no bound (its
 * inclusive flag then does not matter); any other bound text, even empty, is a version compared
 * with {@link WordfenceVersion}, and equality counts only where the bound is inclusive.
 *
 * <p>Intervals are never repaired or guessed: {@link #read} reports a malformed interval as
 * {@link WordfenceIntervalReading.Unreadable}, and the constructor rejects a lower bound above
 * the upper one (the scanner would silently match nothing).
 *
 * @param fromVersion lower bound, or {@code "*"} for none
 * @param fromInclusive whether the lower bound itself is affected
 * @param toVersion upper bound, or {@code "*"} for none
 * @param toInclusive whether the upper bound itself is affected
 */
public record WordfenceInterval(String fromVersion, boolean fromInclusive, String toVersion,
        boolean toInclusive) {
    /** The bound text that means "no bound". */
    public static final String UNBOUNDED = "*";
    private static final List<String> KEYS =
            List.of("from_version", "from_inclusive", "to_version", "to_inclusive");

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException if both bounds are versions and the lower one is above
     *     the upper one
     * @throws NullPointerException if a bound is null
     */
    public WordfenceInterval {
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        String problem = orderProblem(fromVersion, toVersion);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Reads one interval object of the feed, as decoded into a map by a JSON parser. All four
     * keys must be present, the bounds JSON strings and the flags JSON booleans; nothing is
     * defaulted.
     *
     * @param json the interval object: keys {@code from_version}, {@code from_inclusive},
     *     {@code to_version}, {@code to_inclusive}
     * @return the interval, or why it cannot be read
     * @throws NullPointerException if {@code json} is null
     */
    public static WordfenceIntervalReading read(Map<String, ?> json) {
        Objects.requireNonNull(json, "json");
        for (String key : KEYS) {
            if (!json.containsKey(key)) {
                return new WordfenceIntervalReading.Unreadable(key + " is missing");
            }
        }
        String problem = typeProblem(json, "from_version", String.class);
        problem = problem != null ? problem : typeProblem(json, "from_inclusive", Boolean.class);
        problem = problem != null ? problem : typeProblem(json, "to_version", String.class);
        problem = problem != null ? problem : typeProblem(json, "to_inclusive", Boolean.class);
        if (problem != null) {
            return new WordfenceIntervalReading.Unreadable(problem);
        }

        String from = (String) json.get("from_version");
        String to = (String) json.get("to_version");
        problem = orderProblem(from, to);
        if (problem != null) {
            return new WordfenceIntervalReading.Unreadable(problem);
        }
        return new WordfenceIntervalReading.Readable(new WordfenceInterval(from,
                (Boolean) json.get("from_inclusive"), to, (Boolean) json.get("to_inclusive")));
    }

    /**
     * Whether the installed version lies in this interval; the version is used exactly as given
     * (the caller trims it once when it arrives).
     *
     * @throws NullPointerException if {@code installedVersion} is null
     */
    public boolean contains(String installedVersion) {
        WordfenceVersion installed = WordfenceVersion.parse(installedVersion);
        return lowerSideHolds(installed) && upperSideHolds(installed);
    }

    private boolean lowerSideHolds(WordfenceVersion installed) {
        if (fromVersion.equals(UNBOUNDED)) {
            return true;
        }
        int bound = WordfenceVersion.parse(fromVersion).compare(installed);
        return bound < 0 || fromInclusive && bound == 0;
    }

    private boolean upperSideHolds(WordfenceVersion installed) {
        if (toVersion.equals(UNBOUNDED)) {
            return true;
        }
        int bound = WordfenceVersion.parse(toVersion).compare(installed);
        return bound > 0 || toInclusive && bound == 0;
    }

    private static String typeProblem(Map<String, ?> json, String key, Class<?> expected) {
        Object value = json.get(key);
        if (expected.isInstance(value)) {
            return null;
        }
        String found = value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        return key + " must be a JSON " + (expected == String.class ? "string" : "boolean")
                + ", found " + found;
    }

    private static String orderProblem(String from, String to) {
        if (from.equals(UNBOUNDED) || to.equals(UNBOUNDED)
                || WordfenceVersion.compare(from, to) <= 0) {
            return null;
        }
        return "from_version '" + from + "' is above to_version '" + to + "'";
    }
}
