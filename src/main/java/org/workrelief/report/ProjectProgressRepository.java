package org.workrelief.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectProgressRepository extends JpaRepository<ProjectProgress, Long> {

    List<ProjectProgress> findByProjectIdOrderByMonthDesc(Long projectId);

    Optional<ProjectProgress> findByProjectIdAndMonth(Long projectId, LocalDate month);
}
