package org.workrelief.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo villagers' 重点群体, as the roster file's 重点群体 column names them: the household's status
 * gives 脱贫人口, 防返贫监测对象 or 农村低收入人口; a fixed share of the others (by their ID number, so the
 * same person has the same groups on every project) are returned migrant workers, veterans, people with
 * disabilities, relocated families, graduates in difficulty or affected by disaster.
 */
final class DemoGroups {

    private DemoGroups() {
    }

    static String of(DemoVillagers.Villager villager) {
        List<String> groups = new ArrayList<>();
        switch (villager.householdStatus()) {
            case "脱贫户" -> groups.add("脱贫人口");
            case "监测对象" -> groups.add("防返贫监测对象");
            case "低保户" -> groups.add("农村低收入人口");
            default -> {
                // none from the household
            }
        }
        int h = Math.floorMod(villager.idNumber().hashCode(), 100);
        if (h < 12) {
            groups.add("返乡农民工");
        }
        else if (h < 15) {
            groups.add("退役军人");
        }
        else if (h < 18) {
            groups.add("残疾人");
        }
        else if (h < 23) {
            groups.add("易地搬迁群众");
        }
        else if (h < 25) {
            groups.add("困难高校毕业生");
        }
        else if (h < 28) {
            groups.add("受灾群众");
        }
        return String.join("、", groups);
    }
}
