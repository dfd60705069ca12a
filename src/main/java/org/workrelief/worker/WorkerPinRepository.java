package org.workrelief.worker;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface WorkerPinRepository extends JpaRepository<WorkerPin, Long> {

    Optional<WorkerPin> findByWorkerId(long workerId);

    boolean existsByWorkerIdAndPinHashIsNotNull(long workerId);

    /** The row locked until the transaction ends: attempts on one worker's PIN are counted one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<WorkerPin> findLockedByWorkerId(long workerId);
}
