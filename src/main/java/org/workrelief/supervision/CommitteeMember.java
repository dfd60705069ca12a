package org.workrelief.supervision;

/** A supervisor on one project's committee (a removed member stays, inactive, for the history). */
public record CommitteeMember(long id, long projectId, long userId, String username, String displayName,
        MemberKind kind, boolean active, long version) {
}
