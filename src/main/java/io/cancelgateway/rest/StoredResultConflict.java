package io.cancelgateway.rest;

import io.cancelgateway.model.CancelResult;

/** A retry of a request whose result is final: answered 409 with that stored result. */
public class StoredResultConflict extends RestRejection {

    private final CancelResult stored;

    public StoredResultConflict(CancelResult stored) {
        super(409, "final_result", "request " + stored.requestId() + " already has the final result "
                + stored.outcome() + "; only ERROR and AUTH_FAILED are attempted again");
        this.stored = stored;
    }

    public CancelResult stored() {
        return stored;
    }
}
