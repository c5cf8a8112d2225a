package io.cancelgateway.journal;

import java.time.Instant;

/**
 * How a followed result is followed: until when, and where its caller hears of a change.
 *
 * @param until after this the result is no longer checked (cancel.sync.deadline after the cancel)
 * @param replyTo where a JMS request's answer went; null for the other channels
 */
public record FollowUp(Instant until, ReplyAddress replyTo) {
}
