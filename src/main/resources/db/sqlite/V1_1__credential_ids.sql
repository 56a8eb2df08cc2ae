-- Plugin credential ids start at 100001 (PostgreSQL sets this on the identity column).
INSERT INTO sqlite_sequence (name, seq) VALUES ('plugin_credentials', 100000);
