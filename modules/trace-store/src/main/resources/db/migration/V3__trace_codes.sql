-- Serialised pack codes (GTIN + serial, AI 21) issued in batches under a lot.

CREATE TABLE code_batch (
    id         bigserial PRIMARY KEY,
    lot_id     bigint      NOT NULL REFERENCES lot (id),
    party_id   bigint      NOT NULL REFERENCES party (id),
    count      integer     NOT NULL CHECK (count > 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX code_batch_lot_idx ON code_batch (lot_id);

-- A serial is unique per GTIN (the pair is the pack's identity); seq is the print order in its batch.
CREATE TABLE trace_code (
    gtin     char(14)    NOT NULL,
    serial   varchar(20) NOT NULL,
    batch_id bigint      NOT NULL REFERENCES code_batch (id),
    seq      integer     NOT NULL,
    lot_id   bigint      NOT NULL REFERENCES lot (id),
    CONSTRAINT trace_code_pkey PRIMARY KEY (gtin, serial)
);
CREATE UNIQUE INDEX trace_code_batch_seq_idx ON trace_code (batch_id, seq);
CREATE INDEX trace_code_lot_idx ON trace_code (lot_id);
