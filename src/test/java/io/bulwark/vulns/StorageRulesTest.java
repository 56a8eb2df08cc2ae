package io.bulwark.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Storage rules, section 8: no SQL file and no Java string under {@code src/main} uses advisory
 * locks, {@code ON CONSTRAINT}, an expression index, {@code currval}/{@code lastval}, or
 * {@code FOR UPDATE} outside the lock methods of {@code io.bulwark.db.Locks}. SQL comments and
 * Java comments are not scanned, so a comment may name what it avoids.
 */
class StorageRulesTest {
    private static final Path MAIN = Path.of("src", "main");
    private static final String LOCKS = "io/bulwark/db/Locks.java";
    private static final Pattern ADVISORY = Pattern.compile("pg_(try_)?advisory",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_CONSTRAINT = Pattern.compile("\\bON\\s+CONSTRAINT\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEQUENCE_PEEK = Pattern.compile("\\b(currval|lastval)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOR_UPDATE = Pattern.compile(
            "\\bFOR\\s+(NO\\s+KEY\\s+)?UPDATE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX = Pattern.compile("\\bCREATE\\s+(UNIQUE\\s+)?INDEX\\b"
            + "[^;(]*?\\bON\\s+[\\w.\"]+\\s*(USING\\s+\\w+\\s*)?\\(", Pattern.CASE_INSENSITIVE);

    @Test
    void mainSources_useNoForbiddenSql() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file);
                if (name.endsWith(".sql")) {
                    violations.addAll(violations(name, withoutSqlComments(text), true));
                } else if (name.endsWith(".java")) {
                    violations.addAll(violations(name, javaStrings(text),
                            !name.endsWith(LOCKS)));
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    @Test
    void violations_plantedInSqlAndJava_areAllFound() {
        String sql = "-- pg_advisory_lock in a comment is fine\n"
                + "SELECT pg_advisory_xact_lock(1);\n"
                + "INSERT INTO t (a) VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING;\n"
                + "SELECT currval('s'), LASTVAL();\n"
                + "SELECT * FROM sites WHERE id = 1 FOR UPDATE;\n"
                + "CREATE UNIQUE INDEX users_email ON users (lower(email));\n"
                + "CREATE INDEX plain ON users (email, id);\n";
        String java = "class A { // FOR UPDATE in a comment is fine\n"
                + "String a = \"SELECT 1 FOR NO KEY \" + \"UPDATE\";\n"
                + "String b = \"\"\"\n    CREATE INDEX x ON t USING btree ((a || b))\n\"\"\";\n"
                + "char c = '\"'; String d = \"no \\\"FOR UPDATE\\\" here? it is\"; }";

        List<String> inSql = violations("x.sql", withoutSqlComments(sql), true);
        List<String> inJava = violations("A.java", javaStrings(java), true);
        List<String> inLocks = violations(LOCKS, javaStrings(java), false);

        assertThat(inSql).containsExactly("x.sql: advisory lock", "x.sql: ON CONSTRAINT",
                "x.sql: currval/lastval", "x.sql: FOR UPDATE outside Locks",
                "x.sql: expression index");
        assertThat(inJava).containsExactly("A.java: FOR UPDATE outside Locks",
                "A.java: expression index");
        assertThat(inLocks).containsExactly(LOCKS + ": expression index");
    }

    private static List<String> violations(String name, String sql, boolean forUpdateBanned) {
        List<String> found = new ArrayList<>();
        if (ADVISORY.matcher(sql).find()) {
            found.add(name + ": advisory lock");
        }
        if (ON_CONSTRAINT.matcher(sql).find()) {
            found.add(name + ": ON CONSTRAINT");
        }
        if (SEQUENCE_PEEK.matcher(sql).find()) {
            found.add(name + ": currval/lastval");
        }
        if (forUpdateBanned && FOR_UPDATE.matcher(sql).find()) {
            found.add(name + ": FOR UPDATE outside Locks");
        }
        if (hasExpressionIndex(sql)) {
            found.add(name + ": expression index");
        }
        return found;
    }

    /** Whether any index column list holds more than plain column names. */
    private static boolean hasExpressionIndex(String sql) {
        Matcher index = INDEX.matcher(sql);
        while (index.find()) {
            int depth = 1;
            int position = index.end();
            StringBuilder columns = new StringBuilder();
            while (position < sql.length() && depth > 0) {
                char character = sql.charAt(position++);
                depth += character == '(' ? 1 : character == ')' ? -1 : 0;
                if (depth > 0) {
                    columns.append(character);
                }
            }
            String plain = columns.toString().toLowerCase(Locale.ROOT)
                    .replaceAll("\\b(asc|desc|nulls|first|last)\\b", "");
            if (!plain.matches("[\\s\\w\",]*")) {
                return true;
            }
        }
        return false;
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\\n]*", " ");
    }

    /** Every string literal and text block of a Java source, joined, comments skipped. */
    static String javaStrings(String source) {
        StringBuilder strings = new StringBuilder();
        int position = 0;
        while (position < source.length()) {
            char character = source.charAt(position);
            if (source.startsWith("//", position)) {
                position = end(source, "\n", position + 2);
            } else if (source.startsWith("/*", position)) {
                position = end(source, "*/", position + 2);
            } else if (source.startsWith("\"\"\"", position)) {
                int close = source.indexOf("\"\"\"", position + 3);
                int stop = close < 0 ? source.length() : close;
                strings.append(source, position + 3, stop).append(' ');
                position = stop + 3;
            } else if (character == '"' || character == '\'') {
                int index = position + 1;
                StringBuilder literal = new StringBuilder();
                while (index < source.length() && source.charAt(index) != character) {
                    if (source.charAt(index) == '\\' && index + 1 < source.length()) {
                        index++;
                    }
                    literal.append(source.charAt(index++));
                }
                if (character == '"') {
                    strings.append(literal);
                }
                position = index + 1;
            } else {
                position++;
            }
        }
        return strings.toString();
    }

    private static int end(String source, String marker, int from) {
        int index = source.indexOf(marker, from);
        return index < 0 ? source.length() : index + marker.length();
    }
}
