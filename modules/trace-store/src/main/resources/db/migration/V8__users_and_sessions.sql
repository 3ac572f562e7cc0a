-- Operator console: people who sign in with a password (machines keep their API tokens), and their
-- sessions. Passwords are stored as PBKDF2-HMAC-SHA256 strings (algorithm, iterations, salt, hash);
-- session tokens only as SHA-256 hashes.

CREATE TABLE app_user (
    id                 bigserial PRIMARY KEY,
    party_id           bigint REFERENCES party (id),
    login              text        NOT NULL CONSTRAINT app_user_login_key UNIQUE,
    name               text        NOT NULL,
    role               text        NOT NULL CHECK (role IN ('platform_admin', 'regulator', 'party_admin',
                                                            'operator', 'viewer')),
    password_hash      text        NOT NULL,
    failed_attempts    int         NOT NULL DEFAULT 0,
    first_failure_at   timestamptz,
    locked_until       timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((role = 'platform_admin') = (party_id IS NULL))
);
CREATE INDEX app_user_party_idx ON app_user (party_id);

CREATE TABLE user_session (
    id           bigserial PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id),
    token_hash   bytea       NOT NULL CONSTRAINT user_session_hash_key UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX user_session_user_idx ON user_session (user_id);
