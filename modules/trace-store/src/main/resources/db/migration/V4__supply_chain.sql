-- Supply-chain events after harvest: custody (holdings), genealogy (lot links), shipments,
-- sensor readings, inspections, recalls, and the tamper-evident hash chain over all events.

-- A product may name its cold-chain profile (chilled_meat, frozen, ...); null means the commodity's default.
ALTER TABLE product ADD COLUMN cold_chain text;

-- A lot is a harvest or the output of a processing step; a recalled lot stays, marked.
ALTER TABLE lot ADD COLUMN origin text NOT NULL DEFAULT 'harvest' CHECK (origin IN ('harvest', 'processing'));
ALTER TABLE lot ADD COLUMN recalled_at timestamptz;
ALTER TABLE lot ADD COLUMN recall_reason text;

-- How much of each lot each party holds now (in the lot's unit). Harvest: the owner holds it all.
CREATE TABLE holding (
    lot_id   bigint        NOT NULL REFERENCES lot (id),
    party_id bigint        NOT NULL REFERENCES party (id),
    quantity numeric(18,3) NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (lot_id, party_id)
);
CREATE INDEX holding_party_idx ON holding (party_id);
INSERT INTO holding (lot_id, party_id, quantity) SELECT id, party_id, quantity FROM lot;

-- Genealogy: an input lot consumed into an output lot by a transformation event.
CREATE TABLE lot_link (
    input_lot_id  bigint        NOT NULL REFERENCES lot (id),
    output_lot_id bigint        NOT NULL REFERENCES lot (id),
    event_pk      bigint        NOT NULL REFERENCES event (id),
    quantity      numeric(18,3) NOT NULL,
    PRIMARY KEY (input_lot_id, output_lot_id, event_pk)
);
CREATE INDEX lot_link_output_idx ON lot_link (output_lot_id);

-- Custody in transit, from a shipping event until its receiving event.
CREATE TABLE shipment (
    id                bigserial PRIMARY KEY,
    lot_id            bigint        NOT NULL REFERENCES lot (id),
    quantity          numeric(18,3) NOT NULL CHECK (quantity > 0),
    from_party_id     bigint        NOT NULL REFERENCES party (id),
    from_site_id      bigint        NOT NULL REFERENCES site (id),
    to_party_id       bigint        NOT NULL REFERENCES party (id),
    to_site_id        bigint REFERENCES site (id),
    carrier_party_id  bigint REFERENCES party (id),
    shipped_event_pk  bigint        NOT NULL REFERENCES event (id),
    shipped_at        timestamptz   NOT NULL,
    received_event_pk bigint REFERENCES event (id),
    received_at       timestamptz
);
CREATE INDEX shipment_lot_idx ON shipment (lot_id);
CREATE INDEX shipment_to_party_idx ON shipment (to_party_id) WHERE received_at IS NULL;

-- Logger readings, attached to a shipment or to a storage site; each belongs to its sensor event.
CREATE TABLE sensor_reading (
    event_pk    bigint        NOT NULL REFERENCES event (id),
    shipment_id bigint REFERENCES shipment (id),
    site_id     bigint REFERENCES site (id),
    device      text,
    time        timestamptz   NOT NULL,
    measure     text          NOT NULL,
    value       numeric(8,3)  NOT NULL,
    CHECK (num_nonnulls(shipment_id, site_id) = 1)
);
CREATE INDEX sensor_reading_shipment_idx ON sensor_reading (shipment_id, time);
CREATE INDEX sensor_reading_site_idx ON sensor_reading (site_id, time);

-- Where goods came from and went to (EPCIS sourceList / destinationList).
CREATE TABLE event_party (
    event_pk bigint NOT NULL REFERENCES event (id),
    list     text   NOT NULL CHECK (list IN ('source', 'destination')),
    type     text   NOT NULL,
    id       text   NOT NULL
);
CREATE INDEX event_party_event_idx ON event_party (event_pk);

-- Details our API records beyond the core EPCIS fields (sale channel, lab result, recall reason...)
-- and the hash chain: hash = SHA-256(prev_hash || canonical content), in seq order.
ALTER TABLE event ADD COLUMN details jsonb;
ALTER TABLE event ADD COLUMN seq bigint;
ALTER TABLE event ADD COLUMN content text;
ALTER TABLE event ADD COLUMN prev_hash bytea;
ALTER TABLE event ADD COLUMN hash bytea;
CREATE UNIQUE INDEX event_seq_idx ON event (seq);

-- Chain the events recorded before this migration (their content is their eventID).
ALTER TABLE event DISABLE TRIGGER event_append_only;
DO $$
DECLARE
    r    record;
    prev bytea := NULL;
    n    bigint := 0;
BEGIN
    FOR r IN SELECT id, event_id FROM event ORDER BY id LOOP
        n := n + 1;
        UPDATE event
           SET seq = n, content = r.event_id, prev_hash = prev,
               hash = sha256(coalesce(prev, ''::bytea) || convert_to(r.event_id, 'UTF8'))
         WHERE id = r.id
        RETURNING hash INTO prev;
    END LOOP;
END
$$;
ALTER TABLE event ENABLE TRIGGER event_append_only;
ALTER TABLE event ALTER COLUMN seq SET NOT NULL;
ALTER TABLE event ALTER COLUMN content SET NOT NULL;
ALTER TABLE event ALTER COLUMN hash SET NOT NULL;

-- EPCs of an event: the parent and children of an AggregationEvent (pack codes, SSCCs).
CREATE TABLE event_epc (
    event_pk bigint NOT NULL REFERENCES event (id),
    list     text   NOT NULL CHECK (list IN ('epc', 'parent', 'child', 'input', 'output')),
    epc      text   NOT NULL
);
CREATE INDEX event_epc_event_idx ON event_epc (event_pk);
CREATE INDEX event_epc_epc_idx ON event_epc (epc);
