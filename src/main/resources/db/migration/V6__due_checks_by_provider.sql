-- A poll leases each provider's due results in turn: read from (provider, next_check_at), a provider with many results
-- due is not walked through while another's are looked for. Created before the index it replaces is dropped.
CREATE INDEX cancel_request_due_by_provider ON cancel_request (provider, next_check_at);
DROP INDEX cancel_request_next_check;
