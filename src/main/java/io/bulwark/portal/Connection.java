package io.bulwark.portal;

import java.util.Locale;
import java.util.Objects;

/**
 * How a site's plugin is connected, in words.
 *
 * @param state the state, which also picks the colour of the badge
 * @param label a few words for the badge
 * @param detail a sentence with the time of the last contact
 */
public record Connection(State state, String label, String detail) {
    /** The connection states, from good to bad. */
    public enum State {
        CONNECTED, FIREWALL_OFF, WAITING, SILENT
    }

    public Connection {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detail, "detail");
    }

    /** The badge's CSS modifier: {@code ok}, {@code warn}, {@code muted} or {@code bad}. */
    public String tone() {
        return switch (state) {
            case CONNECTED -> "ok";
            case FIREWALL_OFF -> "warn";
            case WAITING -> "muted";
            case SILENT -> "bad";
        };
    }

    /** The state's name in lower case, for tests and CSS hooks. */
    public String key() {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
