-- A stamp that moves whenever registry data a consumer story shows changes (names of parties, sites
-- and products, certificates, a lot's recall flag). With the newest event's seq it tells the resolver
-- whether a story it built earlier is still current. A sequence, so bumping it never blocks a writer.

CREATE SEQUENCE registry_version;

CREATE FUNCTION bump_registry_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('registry_version');
    RETURN NULL;
END
$$;

CREATE TRIGGER party_version AFTER INSERT OR UPDATE OR DELETE ON party
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version();
CREATE TRIGGER site_version AFTER INSERT OR UPDATE OR DELETE ON site
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version();
CREATE TRIGGER product_version AFTER INSERT OR UPDATE OR DELETE ON product
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version();
CREATE TRIGGER certification_version AFTER INSERT OR UPDATE OR DELETE ON certification
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version();
CREATE TRIGGER lot_version AFTER UPDATE ON lot
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version();

-- Each code's scans so far, kept as a running tally so that a resolution reads one row however often
-- the code was scanned: the count, the first scan, the last scan with a known region, and the first
-- pair of scans from different regions close in time (a copied code). Only consecutive scans with a
-- known region need comparing: any such pair within the window implies a consecutive one.
-- Scans name their lot without a foreign key: lots are never deleted, and a key-share lock on the
-- lot row for every scan makes the scans of a popular lot queue behind each other (MultiXact).
ALTER TABLE scan DROP CONSTRAINT scan_lot_id_fkey;

CREATE TABLE scan_tally (
    lot_id          bigint      NOT NULL,
    serial          varchar(20) NOT NULL,  -- '' for the lot-level code
    total           bigint      NOT NULL,
    first_at        timestamptz NOT NULL,
    first_region    text,
    last_region     text,
    last_region_at  timestamptz,
    distant_from    text,
    distant_to      text,
    PRIMARY KEY (lot_id, serial)
) WITH (fillfactor = 70);  -- room on the page for HOT updates: a scan rewrites its code's row

INSERT INTO scan_tally (lot_id, serial, total, first_at, first_region, last_region, last_region_at)
SELECT s.lot_id, coalesce(s.serial, ''), count(*), min(s.scanned_at),
       (array_agg(s.region ORDER BY s.scanned_at))[1],
       (array_agg(s.region ORDER BY s.scanned_at DESC) FILTER (WHERE s.region IS NOT NULL))[1],
       max(s.scanned_at) FILTER (WHERE s.region IS NOT NULL)
FROM scan s GROUP BY s.lot_id, coalesce(s.serial, '');

-- Stays in storage: a trace looks up the storing events of hundreds of lots; this answers from the
-- index alone (event rows are large), and only storing events are in it.
CREATE INDEX event_storing_idx ON event (id) INCLUDE (event_time, biz_location) WHERE biz_step = 'storing';
