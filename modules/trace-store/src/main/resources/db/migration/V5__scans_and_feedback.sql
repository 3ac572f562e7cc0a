-- Public resolution of codes (scans) and public feedback (社会监督). No raw personal data: the client
-- address is kept only as a salted hash, the region only coarse, the user agent only as a class.

CREATE TABLE scan (
    id           bigserial PRIMARY KEY,
    lot_id       bigint      NOT NULL REFERENCES lot (id),
    gtin         char(14)    NOT NULL,
    serial       varchar(20),
    scanned_at   timestamptz NOT NULL DEFAULT now(),
    region       text,
    client_hash  bytea       NOT NULL,
    agent_class  text        NOT NULL
);
CREATE INDEX scan_code_idx ON scan (lot_id, serial, scanned_at);

CREATE TABLE feedback (
    id          bigserial PRIMARY KEY,
    lot_id      bigint      NOT NULL REFERENCES lot (id),
    serial      varchar(20),
    category    text        NOT NULL,
    text        text        NOT NULL,
    contact     text,
    client_hash bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_lot_idx ON feedback (lot_id, created_at);
CREATE INDEX feedback_client_idx ON feedback (client_hash, created_at);
