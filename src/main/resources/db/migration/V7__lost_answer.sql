-- Whether the run that stored the result, or one before it, may have reached the provider without learning what it
-- did: a repeat of the request is then told so, as the provider may answer it about that run.
ALTER TABLE cancel_request ADD COLUMN lost_answer BOOLEAN DEFAULT FALSE NOT NULL;
