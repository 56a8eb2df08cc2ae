package io.bulwark.db;

/** The two engines Bulwark runs on; SQL differences between them are kept to migrations. */
public enum DatabaseKind {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String label;

    DatabaseKind(String label) {
        this.label = label;
    }

    /** Lower-case name used in logs and in the engine-specific migration folder. */
    public String label() {
        return label;
    }

    /** The kind named by a JDBC URL. */
    public static DatabaseKind of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:") ? SQLITE : POSTGRESQL;
    }
}
