package dev.briefpipe.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a console user may do. An analyst uploads and checks workbooks; an approver reads the built PDF
 * and approves or rejects it; an operator builds, sends and settles deliveries; an admin does all of
 * it and manages users.
 */
public enum Role {
    ANALYST,
    APPROVER,
    OPERATOR,
    ADMIN;

    /** The word stored and typed: {@code analyst}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String id) {
        return Arrays.stream(values())
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + id));
    }

    /** Whether this role may act as {@code other} (an admin may act as anyone). */
    public boolean may(Role other) {
        return this == other || this == ADMIN;
    }
}
