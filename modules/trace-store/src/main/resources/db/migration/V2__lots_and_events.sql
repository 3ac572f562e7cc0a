-- Traceability lots and the EPCIS event store (one event row, typed child rows).

CREATE TABLE lot (
    id           bigserial PRIMARY KEY,
    party_id     bigint        NOT NULL REFERENCES party (id),
    product_id   bigint        NOT NULL REFERENCES product (id),
    site_id      bigint        NOT NULL REFERENCES site (id),
    lot_code     varchar(20)   NOT NULL,
    quantity     numeric(18,3) NOT NULL CHECK (quantity > 0),
    unit         text          NOT NULL,
    harvested_at timestamptz   NOT NULL,
    harvest_utc_offset text    NOT NULL,
    attributes   jsonb         NOT NULL DEFAULT '{}',
    created_at   timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT lot_product_code_key UNIQUE (product_id, lot_code)
);
CREATE INDEX lot_party_harvested_idx ON lot (party_id, harvested_at DESC, id DESC);
CREATE INDEX lot_harvested_idx ON lot (harvested_at DESC, id DESC);
CREATE INDEX lot_site_idx ON lot (site_id);

CREATE TABLE event (
    id                     bigserial PRIMARY KEY,
    event_id               text        NOT NULL CONSTRAINT event_event_id_key UNIQUE,
    event_type             text        NOT NULL,
    action                 text,
    biz_step               text,
    disposition            text,
    event_time             timestamptz NOT NULL,
    event_time_zone_offset text        NOT NULL,
    record_time            timestamptz NOT NULL DEFAULT now(),
    read_point             text,
    biz_location           text,
    party_id               bigint REFERENCES party (id),
    ilmd                   jsonb
);
CREATE INDEX event_time_idx ON event (event_time);
CREATE INDEX event_party_idx ON event (party_id, event_time);
CREATE INDEX event_biz_step_idx ON event (biz_step, event_time);

-- quantityList / inputQuantityList / outputQuantityList / childQuantityList elements.
CREATE TABLE event_quantity (
    event_pk  bigint        NOT NULL REFERENCES event (id),
    list      text          NOT NULL CHECK (list IN ('quantity', 'input', 'output', 'child')),
    epc_class text          NOT NULL,
    quantity  numeric(18,3),
    uom       text,
    lot_id    bigint REFERENCES lot (id)
);
CREATE INDEX event_quantity_event_idx ON event_quantity (event_pk);
CREATE INDEX event_quantity_lot_idx ON event_quantity (lot_id);
CREATE INDEX event_quantity_class_idx ON event_quantity (epc_class);

-- Events are append-only: a correction is a new event, never an edit.
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER event_quantity_append_only BEFORE UPDATE OR DELETE ON event_quantity
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
