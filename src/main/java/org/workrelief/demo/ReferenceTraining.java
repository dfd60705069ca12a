package org.workrelief.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.SignedInUser;
import org.workrelief.training.TrainingForm;
import org.workrelief.training.TrainingKind;
import org.workrelief.training.TrainingService;

/**
 * The reference project's training: a safety course for the first 80 on the roster and a masonry
 * course for 60 more (six of them attended both), so 134 people are trained, as planned.
 */
final class ReferenceTraining {

    private final TrainingService training;
    private final JdbcTemplate jdbc;

    ReferenceTraining(TrainingService training, JdbcTemplate jdbc) {
        this.training = training;
        this.jdbc = jdbc;
    }

    void load(SignedInUser staff, long projectId, LocalDate today) {
        List<Long> workers = jdbc.queryForList("select worker_id from enrollment where project_id = ? order by id",
                Long.class, projectId);
        var safety = training.create(staff, projectId, new TrainingForm("安全生产与防溺水培训", TrainingKind.SAFETY, "镇应急办 刘建军",
                today.minusDays(40), new BigDecimal("4"), "前埠村党群服务中心"));
        training.addAttendees(staff, safety.id(), workers.subList(0, 80));
        var masonry = training.create(staff, projectId, new TrainingForm("护坡砌石与养殖大棚搭建技能培训", TrainingKind.SKILLS,
                "县人社局 王师傅", today.minusDays(30), new BigDecimal("16"), "项目现场"));
        training.addAttendees(staff, masonry.id(), workers.subList(74, 134));
    }
}
