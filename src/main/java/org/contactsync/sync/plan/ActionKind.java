package org.contactsync.sync.plan;

/** The kinds of planned action, each with the side it writes; the sync log counts per kind. */
public enum ActionKind {
    CREATE_IN_OUTLOOK(Direction.TO_OUTLOOK, true),
    RECREATE_IN_OUTLOOK(Direction.TO_OUTLOOK, true),
    UPDATE_IN_OUTLOOK(Direction.TO_OUTLOOK, true),
    DELETE_IN_OUTLOOK(Direction.TO_OUTLOOK, true),
    CREATE_IN_BC(Direction.TO_BUSINESS_CENTRAL, true),
    UPDATE_IN_BC(Direction.TO_BUSINESS_CENTRAL, true),
    LINK(Direction.NONE, true),
    RELINK(Direction.NONE, true),
    REFRESH_LINK(Direction.NONE, true),
    UNLINK(Direction.NONE, true),
    SKIP(Direction.NONE, false),
    CONFLICT(Direction.NONE, false);

    private final Direction direction;
    private final boolean changesState;

    ActionKind(Direction direction, boolean changesState) {
        this.direction = direction;
        this.changesState = changesState;
    }

    public Direction direction() {
        return direction;
    }

    /** Whether executing it changes a contact or a link row; skips and conflicts are only logged. */
    public boolean changesState() {
        return changesState;
    }
}
