-- Parties (organisations), their API tokens, sites, products and certificates.

CREATE TABLE party (
    id          bigserial PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('cooperative', 'enterprise', 'processor', 'carrier',
                                                     'retailer', 'lab', 'regulator')),
    name        text        NOT NULL,
    name_en     text,
    credit_code char(18)    NOT NULL CONSTRAINT party_credit_code_key UNIQUE,
    county      text        NOT NULL,
    township    text,
    contact     jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Bearer tokens are stored as SHA-256 hashes; the token itself is shown once. party_id is null for
-- the platform administrator's tokens.
CREATE TABLE api_token (
    id         bigserial PRIMARY KEY,
    party_id   bigint REFERENCES party (id),
    role       text        NOT NULL CHECK (role IN ('admin', 'party')),
    token_hash bytea       NOT NULL CONSTRAINT api_token_hash_key UNIQUE,
    label      text,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    CHECK ((role = 'admin') = (party_id IS NULL))
);
CREATE INDEX api_token_party_idx ON api_token (party_id);

CREATE TABLE site (
    id         bigserial PRIMARY KEY,
    party_id   bigint      NOT NULL REFERENCES party (id),
    kind       text        NOT NULL CHECK (kind IN ('farm_base', 'pasture', 'forest_plot', 'processing_plant',
                                                    'cold_store', 'warehouse', 'shop')),
    name       text        NOT NULL,
    county     text        NOT NULL,
    township   text,
    latitude   double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude  double precision CHECK (longitude BETWEEN -180 AND 180),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX site_party_idx ON site (party_id);

CREATE TABLE product (
    id             bigserial PRIMARY KEY,
    party_id       bigint      NOT NULL REFERENCES party (id),
    gtin           char(14)    NOT NULL CONSTRAINT product_gtin_key UNIQUE,
    name_zh        text        NOT NULL,
    name_en        text        NOT NULL,
    name_bo        text,
    commodity      text        NOT NULL,
    brand          text,
    umbrella_brand text,
    unit           text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_party_idx ON product (party_id);

-- A certificate is attached to exactly one subject: a party, a site or a product.
CREATE TABLE certification (
    id               bigserial PRIMARY KEY,
    owner_party_id   bigint      NOT NULL REFERENCES party (id),
    type             text        NOT NULL,
    number           text        NOT NULL,
    issuer           text        NOT NULL,
    valid_from       date        NOT NULL,
    valid_to         date        NOT NULL CHECK (valid_to >= valid_from),
    party_id         bigint REFERENCES party (id),
    site_id          bigint REFERENCES site (id),
    product_id       bigint REFERENCES product (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(party_id, site_id, product_id) = 1),
    CONSTRAINT certification_number_key UNIQUE (type, issuer, number)
);
CREATE INDEX certification_owner_idx ON certification (owner_party_id);
CREATE INDEX certification_product_idx ON certification (product_id);
CREATE INDEX certification_site_idx ON certification (site_id);
CREATE INDEX certification_valid_to_idx ON certification (valid_to);
