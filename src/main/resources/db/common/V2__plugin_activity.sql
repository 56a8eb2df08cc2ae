-- Plugin API: the activity log, the hardening settings each site last reported, and an index
-- for purging expired access tokens.

-- Activity records (logins, plugin changes, ...) as the plugin uploaded them, kept for the
-- retention period. Older plugins send no row id, so a record is keyed by the hash of all its
-- fields: a resent batch inserts nothing twice.
CREATE TABLE activity_records (
    site_id BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    record_hash TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    plugin_row_id TEXT,
    author TEXT NOT NULL,
    ip TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    object_name TEXT NOT NULL,
    action_name TEXT NOT NULL,
    event_date TEXT NOT NULL,
    PRIMARY KEY (site_id, record_hash)
);

CREATE INDEX activity_records_site_received ON activity_records (site_id, received_at);

-- The .htaccess hardening switches of the site's last /api/rules call (a JSON array), kept for
-- information.
CREATE TABLE site_rule_settings (
    site_id BIGINT PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX plugin_access_tokens_site_expiry ON plugin_access_tokens (site_id, expires_at);
