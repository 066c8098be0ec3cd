-- The sitrep store, schema version 4: one row per document, event, claim, citation, place, time and actor.
-- Event rows are kept in the listing order, in small row groups (store/_order.py).
-- Flat columns are for filtering and CSV; the `record` column keeps the full published record (model.to_dict).
-- Ids of records other than documents can repeat across documents, so child tables key on document_id too.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    url VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    author VARCHAR,
    published DATE,
    published_text VARCHAR,      -- the ISO value as given, when it is not a plain date
    language VARCHAR,
    text VARCHAR NOT NULL,
    text_sha256 VARCHAR NOT NULL,
    source VARCHAR,
    ingested_at TIMESTAMP,
    extractors VARCHAR,          -- sorted, comma-separated extractor versions seen in the report
    report_sha256 VARCHAR,       -- hash of the whole report: equal means saving again changes nothing
    format_version INTEGER
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    event_date DATE,
    date_start DATE,
    date_end DATE,
    time_precision VARCHAR,
    date_basis VARCHAR,
    event_type VARCHAR,
    sub_event_type VARCHAR,
    plover VARCHAR,
    actor1 VARCHAR,
    actor1_kind VARCHAR,
    actor2 VARCHAR,
    actor2_kind VARCHAR,
    actor_names VARCHAR,         -- every actor name and canonical name, for the actor filter
    country VARCHAR,
    admin1 VARCHAR,
    admin2 VARCHAR,
    location VARCHAR,
    geonames_id BIGINT,
    latitude DOUBLE,
    longitude DOUBLE,
    geo_precision VARCHAR,
    fatalities INTEGER,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    injuries INTEGER,
    detentions INTEGER,          -- people detained, arrested or captured
    asserted_by_kind VARCHAR,
    asserted_by VARCHAR,
    hedge VARCHAR,
    negated BOOLEAN,
    confidence DOUBLE,
    shown BOOLEAN,               -- told as news: the default list's rule (store/_derived.py), filled when written
    evidence_text VARCHAR,
    source_url VARCHAR,
    outlet VARCHAR,
    extractor VARCHAR,
    search VARCHAR,              -- what the API's q filter searches, lower-cased (store/_derived.py)
    record JSON NOT NULL,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE IF NOT EXISTS claims (
    id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    speaker VARCHAR,
    speaker_kind VARCHAR,
    cue VARCHAR,
    content VARCHAR,
    direct BOOLEAN,
    medium VARCHAR,
    citation_id VARCHAR,
    extractor VARCHAR,
    record JSON NOT NULL,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE IF NOT EXISTS citations (
    id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    title VARCHAR,
    outlet VARCHAR,
    author VARCHAR,
    date VARCHAR,
    extractor VARCHAR,
    record JSON NOT NULL,
    PRIMARY KEY (document_id, id)
);

-- Places, times and actors may come without an id, so they key on their position in the report.
CREATE TABLE IF NOT EXISTS places (
    document_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    id VARCHAR,
    name VARCHAR,
    geonames_id BIGINT,
    feature VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    admin2 VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    precision VARCHAR,
    extractor VARCHAR,
    record JSON NOT NULL,
    PRIMARY KEY (document_id, seq)
);

CREATE TABLE IF NOT EXISTS times (
    document_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    id VARCHAR,
    value VARCHAR,
    precision VARCHAR,
    date_start DATE,
    date_end DATE,
    basis VARCHAR,
    text VARCHAR,
    extractor VARCHAR,
    record JSON NOT NULL,
    PRIMARY KEY (document_id, seq)
);

CREATE TABLE IF NOT EXISTS actors (
    document_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    id VARCHAR,
    name VARCHAR,
    canonical VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    extractor VARCHAR,
    record JSON NOT NULL,
    PRIMARY KEY (document_id, seq)
);

CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    message VARCHAR,
    document_id VARCHAR,
    stage VARCHAR,
    recorded_at TIMESTAMP,
    PRIMARY KEY (source, code)
);

-- What `sitrep watch` has handled, per feed (entry id or URL), so a restart fetches only new items.
CREATE TABLE IF NOT EXISTS seen (
    feed VARCHAR NOT NULL,
    key VARCHAR NOT NULL,
    document_id VARCHAR,
    seen_at TIMESTAMP,
    PRIMARY KEY (feed, key)
);
