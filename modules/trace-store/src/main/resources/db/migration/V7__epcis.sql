-- EPCIS 2.0 REST binding (issue 7): events captured through /epcis keep the received event as their
-- canonical content (covered by the hash chain); these indexes and rows make the standard queries index-backed.

CREATE INDEX event_record_time_idx ON event (record_time);
CREATE INDEX event_type_time_idx ON event (event_type, event_time);
CREATE INDEX event_disposition_idx ON event (disposition, event_time);
CREATE INDEX event_read_point_idx ON event (read_point);
CREATE INDEX event_biz_location_idx ON event (biz_location);

-- Numeric sensor report values (sensorElementList[].sensorReport[]), for EQ_type and GE_value_{uom} / LT_value_{uom}.
CREATE TABLE event_sensor_value (
    event_pk bigint  NOT NULL REFERENCES event (id),
    type     text,
    uom      text    NOT NULL,
    value    numeric NOT NULL
);
CREATE INDEX event_sensor_value_event_idx ON event_sensor_value (event_pk);
CREATE INDEX event_sensor_value_uom_idx ON event_sensor_value (uom, value);
CREATE INDEX event_sensor_value_type_idx ON event_sensor_value (type);
CREATE TRIGGER event_sensor_value_append_only BEFORE UPDATE OR DELETE ON event_sensor_value
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

-- Our own cold-chain readings (sensor_reading, measure = GS1 type) answer the same sensor queries: one view over both.
CREATE INDEX sensor_reading_event_idx ON sensor_reading (event_pk);
CREATE VIEW epcis_sensor_value AS
    SELECT event_pk, type, uom, value FROM event_sensor_value
    UNION ALL
    SELECT event_pk, measure, CASE measure WHEN 'Temperature' THEN 'CEL' WHEN 'RelativeHumidity' THEN 'P1' ELSE '' END, value
      FROM sensor_reading;

-- EPCIS lists an EPC or a class may be in; MATCH_epc, MATCH_anyEPC, MATCH_epcClass, MATCH_anyEPCClass read them.
CREATE INDEX event_epc_list_idx ON event_epc (epc, list);

-- Capture jobs: one per POST /epcis/capture, read back at /epcis/capture/{captureID}.
CREATE TABLE epcis_capture (
    id           uuid        PRIMARY KEY,
    party_id     bigint      NOT NULL REFERENCES party (id),
    behaviour    text        NOT NULL CHECK (behaviour IN ('rollback', 'proceed')),
    events       integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    running      boolean     NOT NULL DEFAULT true,
    success      boolean,
    stored       integer,
    duplicates   integer,
    errors       jsonb       NOT NULL DEFAULT '[]'
);
CREATE INDEX epcis_capture_party_idx ON epcis_capture (party_id, created_at);
