package io.cancelgateway.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a cancel request came in. */
public enum Channel {
    REST("rest"),
    FILE("file"),
    JMS("jms");

    private final String id;

    Channel(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Channel byId(String id) {
        for (Channel channel : values()) {
            if (channel.id.equals(id)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + id + "'");
    }
}
