-- Core schema shared by SQLite and PostgreSQL. Times are BIGINT microseconds since the epoch
-- (UTC); ${id_pk}, ${bool} and ${blob} are filled per engine by Database.migrate().

CREATE TABLE providers (
    id ${id_pk},
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    default_class TEXT NOT NULL,
    default_renew_freq TEXT NOT NULL,
    default_expires_at BIGINT,
    default_addon_mr ${bool} NOT NULL,
    default_addon_wl ${bool} NOT NULL
);

-- Host tokens, stored as SHA-256 hex; the prefix lets an operator recognise a token.
CREATE TABLE provider_tokens (
    token_hash TEXT PRIMARY KEY,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    token_prefix TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id ${id_pk},
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    name TEXT NOT NULL,
    company TEXT,
    email TEXT NOT NULL,
    email_norm TEXT NOT NULL UNIQUE,
    phone TEXT,
    newsletter ${bool} NOT NULL,
    password_hash TEXT NOT NULL,
    class TEXT NOT NULL,
    renew_freq TEXT NOT NULL,
    expires_at BIGINT,
    addon_mr ${bool} NOT NULL,
    addon_wl ${bool} NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX users_provider ON users (provider_id);

CREATE TABLE sites (
    id ${id_pk},
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    url TEXT NOT NULL,
    normalized_url TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    lock_seq BIGINT NOT NULL DEFAULT 0,
    last_seen_at BIGINT,
    last_ping_at BIGINT,
    source_host TEXT,
    firewall_enabled ${bool},
    firewall_changed_at BIGINT,
    plugin_url TEXT,
    plugin_version TEXT,
    inventory_at BIGINT,
    vulnerabilities_as_of BIGINT,
    UNIQUE (provider_id, normalized_url)
);

CREATE INDEX sites_user ON sites (user_id);
CREATE INDEX sites_normalized_url ON sites (normalized_url);

-- One row per normalised URL ever checked; only its row lock matters (storage rules, 1).
CREATE TABLE url_locks (
    normalized_url TEXT PRIMARY KEY,
    n BIGINT NOT NULL
);

-- The plugin's OAuth client: id from its own sequence (from 100001), secret AES-GCM encrypted.
CREATE TABLE plugin_credentials (
    id ${credential_id_pk},
    site_id BIGINT NOT NULL UNIQUE REFERENCES sites (id) ON DELETE CASCADE,
    secret_ciphertext TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- A removed site's credential id, so that its plugin is told to disconnect.
CREATE TABLE credential_tombstones (
    credential_id BIGINT PRIMARY KEY,
    removed_at BIGINT NOT NULL
);

CREATE TABLE plugin_access_tokens (
    token_hash TEXT PRIMARY KEY,
    credential_id BIGINT NOT NULL REFERENCES plugin_credentials (id) ON DELETE CASCADE,
    site_id BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX plugin_access_tokens_credential ON plugin_access_tokens (credential_id);

-- Login links: at most one live token per user, stored as SHA-256.
CREATE TABLE login_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE portal_sessions (
    session_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX portal_sessions_user ON portal_sessions (user_id);

-- Every authenticated Hosting API call; kept when its target is deleted.
CREATE TABLE audit_log (
    id ${id_pk},
    provider_id BIGINT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id BIGINT,
    status INTEGER NOT NULL,
    client_ip TEXT NOT NULL,
    request_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX audit_log_provider ON audit_log (provider_id, created_at);

-- The latest inventory upload of each site, one row per software item.
CREATE TABLE software_items (
    site_id BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    sw_type TEXT NOT NULL,
    name TEXT NOT NULL,
    file TEXT,
    slug TEXT,
    version TEXT NOT NULL,
    version_new TEXT,
    is_active ${bool} NOT NULL,
    vulnerability_status TEXT NOT NULL DEFAULT 'unknown',
    PRIMARY KEY (site_id, position)
);

-- Blocked requests per site and UTC day ('YYYY-MM-DD'); never pruned while the site lives.
CREATE TABLE attack_days (
    site_id BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    num BIGINT NOT NULL,
    PRIMARY KEY (site_id, day)
);

-- Raw firewall records (blocked requests) as the plugin uploaded them, kept for the retention
-- period. Identical records are legitimate, so a record is keyed by the hash of its seven
-- fields and its copy number: re-sending a batch inserts nothing twice.
CREATE TABLE attacks (
    site_id BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    record_hash TEXT NOT NULL,
    copy_no INTEGER NOT NULL,
    day TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    ip TEXT NOT NULL,
    fid TEXT NOT NULL,
    method TEXT NOT NULL,
    request_uri TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    log_date TEXT NOT NULL,
    post_data TEXT NOT NULL,
    post_data_clipped ${bool} NOT NULL,
    PRIMARY KEY (site_id, record_hash, copy_no)
);

CREATE INDEX attacks_site_time ON attacks (site_id, occurred_at);
CREATE INDEX attacks_site_received ON attacks (site_id, received_at);

CREATE TABLE plugin_templates (
    id ${id_pk},
    version TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    content ${blob} NOT NULL,
    imported_at BIGINT NOT NULL
);

-- Small named values: the encryption key's check value, schema-wide flags.
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Cluster-wide jobs (scheduled feed import): one holder at a time.
CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
