-- Status sync: a result whose outcome is not final is followed at the provider until it is.
-- next_check_at is set while there is something to do for the result: a status check (sync_state FOLLOWING) or, after
-- a check changed it, telling its caller (JMS update message, file updates file); sync_owner and sync_lease_until
-- say which instance does it, until when.
ALTER TABLE cancel_request ADD COLUMN sync_state VARCHAR(16);
ALTER TABLE cancel_request ADD COLUMN next_check_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cancel_request ADD COLUMN follow_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE cancel_request ADD COLUMN sync_owner VARCHAR(64);
ALTER TABLE cancel_request ADD COLUMN sync_lease_until TIMESTAMP WITH TIME ZONE;
-- Where a JMS request's answer went, for the updates that follow it.
ALTER TABLE cancel_request ADD COLUMN reply_to VARCHAR(512);
ALTER TABLE cancel_request ADD COLUMN correlation_id VARCHAR(512);

CREATE INDEX cancel_request_next_check ON cancel_request (next_check_at);
CREATE INDEX cancel_request_sync_state ON cancel_request (sync_state, received_at);

ALTER TABLE cancel_attempt ADD COLUMN kind VARCHAR(8) DEFAULT 'cancel' NOT NULL;
