-- A client's results newest first, in the index's own order: H2 reads an index forwards only, so with the ascending
-- index every page of GET /api/v1/cancellations read and sorted all of the client's results.
DROP INDEX cancel_request_client;
CREATE INDEX cancel_request_client ON cancel_request (client, received_at DESC, request_id DESC);
