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
