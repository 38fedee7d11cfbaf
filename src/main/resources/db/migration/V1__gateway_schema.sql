-- Links between gateway IDs and provider objects. Unique both ways: one gateway ID per provider
-- object (per account), one provider object per gateway ID.
CREATE TABLE customer_link (
    id                   VARCHAR(40)  PRIMARY KEY,
    provider             VARCHAR(32)  NOT NULL,
    provider_account     VARCHAR(200) NOT NULL,
    provider_customer_id VARCHAR(200) NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT customer_link_provider_object UNIQUE (provider, provider_account, provider_customer_id)
);

CREATE TABLE subscription_link (
    id                       VARCHAR(40)  PRIMARY KEY,
    provider                 VARCHAR(32)  NOT NULL,
    provider_account         VARCHAR(200) NOT NULL,
    provider_subscription_id VARCHAR(200) NOT NULL,
    customer_link_id         VARCHAR(40)  REFERENCES customer_link (id),
    created_at               TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT subscription_link_provider_object UNIQUE (provider, provider_account, provider_subscription_id)
);
CREATE INDEX subscription_link_customer ON subscription_link (customer_link_id);

-- The last-known provider copy of a linked object, and when it was read.
CREATE TABLE provider_snapshot (
    gateway_id VARCHAR(40)  PRIMARY KEY,
    kind       VARCHAR(16)  NOT NULL,
    payload    TEXT         NOT NULL,
    fetched_at TIMESTAMPTZ  NOT NULL
);

-- One row per idempotency key: the request it was first used with and what came of it.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(300) PRIMARY KEY,
    operation       VARCHAR(64)  NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    context         TEXT,
    response        TEXT,
    error_code      VARCHAR(40),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_record_state ON idempotency_record (state);

-- Every mutation: who, what, on what, the provider request and its outcome. Never secrets or bodies.
CREATE TABLE audit_log (
    id                 BIGSERIAL    PRIMARY KEY,
    at                 TIMESTAMPTZ  NOT NULL DEFAULT now(),
    subject            VARCHAR(200) NOT NULL,
    operation          VARCHAR(64)  NOT NULL,
    target_id          VARCHAR(200),
    provider           VARCHAR(32),
    provider_request   VARCHAR(500),
    provider_reference VARCHAR(200),
    outcome            VARCHAR(20)  NOT NULL,
    error_code         VARCHAR(40),
    idempotency_key    VARCHAR(300)
);
CREATE INDEX audit_log_target ON audit_log (target_id);

-- Verified webhooks, stored before they are acknowledged, processed afterwards.
CREATE TABLE webhook_event (
    id           BIGSERIAL    PRIMARY KEY,
    provider     VARCHAR(32)  NOT NULL,
    dedup_key    VARCHAR(200) NOT NULL,
    event_type   VARCHAR(100),
    payload      TEXT         NOT NULL,
    affected     TEXT         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    last_error   VARCHAR(500),
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    processed_at TIMESTAMPTZ,
    CONSTRAINT webhook_event_dedup UNIQUE (provider, dedup_key)
);
CREATE INDEX webhook_event_pending ON webhook_event (status, received_at);
