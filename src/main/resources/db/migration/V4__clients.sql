-- Tenancy: every request belongs to the client that sent it. A named client's requests are keyed
-- '<client>/<request_id>', so two clients may use the same request id; the single-tenant client keeps the bare id,
-- so a journal written before clients existed reads on unchanged.
ALTER TABLE cancel_request ADD COLUMN client VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE cancel_attempt ALTER COLUMN request_id SET DATA TYPE VARCHAR(161);
ALTER TABLE cancel_request ALTER COLUMN request_id SET DATA TYPE VARCHAR(161);
CREATE INDEX cancel_request_client ON cancel_request (client, received_at, request_id);
