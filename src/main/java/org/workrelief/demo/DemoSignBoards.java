package org.workrelief.demo;

import org.springframework.data.domain.Sort;
import org.workrelief.account.SignedInUser;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectService;

/**
 * 项目公示牌 of the demo's two projects (issue 20 §6): scale and content, builder, the supervising office and
 * its supervision phone (an office landline: the board is public), as the town's administrator enters them on
 * the project form once the history is loaded.
 */
final class DemoSignBoards {

    private final ProjectService projects;
    private final SignedInUser admin;

    DemoSignBoards(ReferenceProject.Services services) {
        this.projects = services.projects();
        this.admin = services.accounts().principalOf("js-admin");
    }

    void fill() {
        for (Project project : projects.visibleTo(admin, Sort.by("code"))) {
            if (project.getCode().endsWith("-01")) {
                fill(project, "新建澳洲淡水龙虾养殖大棚 24 座（约 2.9 万平方米）、养殖池塘 120 亩，配套进排水渠道 2.1 公里、"
                        + "增氧及水质监测设施，硬化生产道路 1.2 公里。", "莱西市姜山镇强村共富有限公司（村集体公司自建）");
            }
            else if (project.getCode().endsWith("-02")) {
                fill(project, "新建、改造灌排渠道 3.6 公里（混凝土衬砌），配套节制闸、过路涵 18 座，改善灌溉面积 1500 亩。",
                        "莱西市姜山镇强村共富有限公司（村集体公司自建）");
            }
        }
    }

    private void fill(Project project, String scaleContent, String builder) {
        ProjectForm form = projects.formOf(admin, project.getId());
        projects.update(admin, project.getId(),
                form.withSignBoard(scaleContent, builder, "莱西市发展和改革局", "0532-88006110"));
    }
}
