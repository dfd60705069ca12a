package org.workrelief.asset;

/** A job held in the operation phase: a year, long-term or seasonal, the position and the worker. */
public record OperationJob(long id, long projectId, int year, JobKind kind, String position, long workerId,
        String workerCode, String workerName) {
}
