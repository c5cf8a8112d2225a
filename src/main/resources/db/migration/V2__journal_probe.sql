-- One row that readiness rewrites to prove the journal can commit a write (a full disk lets reads through).
CREATE TABLE journal_probe (
    id         INTEGER                  NOT NULL PRIMARY KEY,
    probed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO journal_probe (id, probed_at) VALUES (1, CURRENT_TIMESTAMP);
