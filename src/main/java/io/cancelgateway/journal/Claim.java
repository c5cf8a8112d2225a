package io.cancelgateway.journal;

import io.cancelgateway.model.CancelResult;

/** What the journal says when a request asks to be processed under its request id. */
public sealed interface Claim {

    /**
     * This caller owns the request and must call the provider, then complete it with the token.
     *
     * @param afterLostAnswer whether an earlier run of the request may have reached the provider without learning
     *        what it did: one that crashed (its claim taken over once stale), or one that stored its result so
     *        ({@code lost_answer}). The provider may then answer this run about that one.
     */
    record Owned(String token, boolean afterLostAnswer) implements Claim {
    }

    /** The request already has a final result (or, while waiting, any result): answer it, do not call. */
    record Finished(CancelResult result) implements Claim {
    }

    /** Another caller is processing the request right now. */
    record Busy() implements Claim {
    }

    /** The request id is another request's: the same key for a different cancel. Nothing is claimed or answered. */
    record Reused() implements Claim {
    }
}
