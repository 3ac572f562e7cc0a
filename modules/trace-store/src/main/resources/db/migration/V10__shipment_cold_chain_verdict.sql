-- The cold-chain verdict of each shipment, kept beside it so that the regulator's dashboard counts every
-- broken cold chain without judging every reading on each view. readings_version counts the sensor events
-- that added readings to the shipment; a verdict judged at an older version is stale and is judged again
-- (by the service, which knows the commodity profiles) before the dashboard counts.
ALTER TABLE shipment
    ADD COLUMN readings_version integer NOT NULL DEFAULT 0,
    ADD COLUMN cold_chain_version integer NOT NULL DEFAULT 0,
    ADD COLUMN cold_chain_held boolean,
    ADD COLUMN cold_chain_excursions integer;

UPDATE shipment sh SET readings_version = 1 WHERE EXISTS (SELECT 1 FROM sensor_reading r WHERE r.shipment_id = sh.id);

CREATE INDEX shipment_cold_chain_stale_idx ON shipment (id) WHERE readings_version > cold_chain_version;
CREATE INDEX shipment_cold_chain_broken_idx ON shipment (id) WHERE cold_chain_held = false;
