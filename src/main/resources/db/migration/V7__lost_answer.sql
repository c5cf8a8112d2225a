-- Whether the run that stored the result, or one before it, may have reached the provider without learning what it
-- did: a repeat of the request is then told so, as the provider may answer it about that run. Results stored before
-- are marked so where their state shows it: an ERROR followed at the provider (its call may have reached it).
ALTER TABLE cancel_request ADD COLUMN lost_answer BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE cancel_request SET lost_answer = TRUE WHERE outcome = 'ERROR' AND sync_state IN ('FOLLOWING', 'EXPIRED');
