-- Vulnerability intelligence: feed records with their attribution, the software entries they
-- name (ranges kept so they can be re-evaluated), matches per software row, operator mutes,
-- and the bookkeeping that lets imports and re-evaluation resume after a crash.

-- One advisory, identified by its feed and its id there: the Wordfence UUID key or the
-- Patchstack integer id. content_hash tells a changed record from a re-imported one.
CREATE TABLE vuln_records (
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    title TEXT NOT NULL,
    cve TEXT NOT NULL,
    cvss_score DOUBLE PRECISION,
    cvss_rating TEXT NOT NULL,
    informational ${bool} NOT NULL,
    link TEXT NOT NULL,
    notice TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (source, record_id)
);

-- The software entries of a record in feed order. slug_key is the slug lower-cased in Java
-- (Locale.ROOT) for the index; each source's matcher then compares slugs by its own rule.
-- ranges is JSON in the source's own terms (Wordfence intervals with inclusive flags, or
-- Patchstack affected_in and patched_in_ranges), never converted between the two.
CREATE TABLE vuln_software (
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    sw_type TEXT NOT NULL,
    slug TEXT NOT NULL,
    slug_key TEXT NOT NULL,
    name TEXT NOT NULL,
    ranges TEXT NOT NULL,
    PRIMARY KEY (source, record_id, position),
    FOREIGN KEY (source, record_id) REFERENCES vuln_records (source, record_id)
        ON DELETE CASCADE
);

CREATE INDEX vuln_software_slug ON vuln_software (slug_key);

-- The slug under which a software row is looked up (lower-cased like slug_key), written by
-- the evaluation; the index lets a feed change find the rows of the slugs it touched.
ALTER TABLE software_items ADD COLUMN vuln_slug TEXT;

CREATE INDEX software_items_vuln_slug ON software_items (vuln_slug, site_id);

-- Records that match a software row, by reference, so an edited title or score shows at once.
-- fixed_in is the fix of the entry and interval (or branch) that matched, '' when none.
CREATE TABLE vuln_matches (
    site_id BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    fixed_in TEXT NOT NULL,
    PRIMARY KEY (site_id, position, source, record_id),
    FOREIGN KEY (site_id, position) REFERENCES software_items (site_id, position)
        ON DELETE CASCADE,
    FOREIGN KEY (source, record_id) REFERENCES vuln_records (source, record_id)
        ON DELETE CASCADE
);

CREATE INDEX vuln_matches_record ON vuln_matches (source, record_id);

-- Records an operator silenced for every site; kept when the record leaves the feed.
CREATE TABLE vuln_mutes (
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    muted_at BIGINT NOT NULL,
    PRIMARY KEY (source, record_id)
);

-- One row per import. A complete Wordfence run that succeeded makes components known; the
-- newest one's finished_at is every site's vulnerabilities_as_of.
CREATE TABLE vuln_import_runs (
    id ${id_pk},
    source TEXT NOT NULL,
    declared_complete ${bool} NOT NULL,
    status TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    records_read BIGINT NOT NULL,
    records_added BIGINT NOT NULL,
    records_changed BIGINT NOT NULL,
    records_skipped BIGINT NOT NULL,
    records_pruned BIGINT NOT NULL,
    problem TEXT
);

CREATE INDEX vuln_import_runs_source ON vuln_import_runs (source, status);

-- Slugs whose records changed and whose rows still need re-evaluation. The cursor is the last
-- site done; marking the slug again bumps the generation and restarts it.
CREATE TABLE vuln_pending_slugs (
    slug_key TEXT PRIMARY KEY,
    generation BIGINT NOT NULL,
    after_site_id BIGINT NOT NULL
);

-- A pass over every site after a complete import: rows are evaluated in full the first time a
-- feed makes components known, afterwards only vulnerabilities_as_of moves.
CREATE TABLE vuln_sweeps (
    name TEXT PRIMARY KEY,
    evaluate_rows ${bool} NOT NULL,
    generation BIGINT NOT NULL,
    after_site_id BIGINT NOT NULL
);
