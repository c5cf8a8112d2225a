package io.cancelgateway.journal;

import java.sql.SQLException;

/** The journal's database could not be used: a technical failure, never the request's fault. */
public class JournalUnavailable extends RuntimeException {

    public JournalUnavailable(SQLException cause) {
        super("the journal database failed: " + cause.getMessage(), cause);
    }
}
