package org.plateautrace.model.users;

/** What a person signed in to the console may do. */
public enum UserRole {
    /** Runs the platform: creates parties and users of any party; writes no party's data. */
    PLATFORM_ADMIN,
    /** A person of a regulator party: reads everything, writes nothing but recalls. */
    REGULATOR,
    /** Manages the people of the party and does everything an operator does. */
    PARTY_ADMIN,
    /** Records the party's harvests, events and codes. */
    OPERATOR,
    /** Reads the party's data and writes nothing. */
    VIEWER
}
