package org.workrelief.worker;

import java.time.LocalDate;

/**
 * One enrollment of a project's roster as the attendance sheets show it: who, in which team, and from
 * when to when. Read as a projection, not as entities: a sheet of a whole project holds hundreds of
 * people, and loading each enrollment with its worker's every column was a quarter of the sheet's time.
 */
public record RosterMember(long enrollmentId, long workerId, String workerCode, String name, String idNumberMasked,
        long teamId, LocalDate enrolledOn, LocalDate leftOn) {

    public static RosterMember of(Enrollment e) {
        Worker w = e.getWorker();
        return new RosterMember(e.getId(), w.getId(), w.getWorkerCode(), w.getName(), w.getIdNumberMasked(), e.getTeamId(),
                e.getEnrolledOn(), e.getLeftOn());
    }

    /** On the roster that day: enrolled by then and not yet left. */
    public boolean onRosterOn(LocalDate day) {
        return !enrolledOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }
}
