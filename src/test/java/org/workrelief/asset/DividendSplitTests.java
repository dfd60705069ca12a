package org.workrelief.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.workrelief.asset.DividendSplit.Household;
import org.workrelief.asset.DividendSplit.Share;

class DividendSplitTests {

    @Test
    void anEqualSplitAddsUpToTheFenAndTheLeftoverFenGoToTheFirstListed() {
        List<Share> shares = DividendSplit.split(new BigDecimal("200000.00"), List.of(household("王家", 1), household("李家", 1),
                household("张家", 1)));
        assertThat(shares).extracting(Share::amount).containsExactly(new BigDecimal("66666.67"), new BigDecimal("66666.67"),
                new BigDecimal("66666.66"));
        assertThat(sum(shares)).isEqualByComparingTo("200000.00");
    }

    @Test
    void aWeightedSplitFollowsTheWeightsAndTheLargestRemainders() {
        List<Share> shares = DividendSplit.split(new BigDecimal("100.00"), List.of(household("甲", 1), household("乙", 2),
                household("丙", 4)));
        // exact shares 14.2857…, 28.5714…, 57.1428…: floors 14.28, 28.57, 57.14 leave 1 fen for the largest remainder (甲)
        assertThat(shares).extracting(Share::amount).containsExactly(new BigDecimal("14.29"), new BigDecimal("28.57"),
                new BigDecimal("57.14"));
        assertThat(sum(shares)).isEqualByComparingTo("100.00");
    }

    @Test
    void anySplitAddsUpExactly() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000_000), 2);
            List<Household> households = new ArrayList<>();
            int count = 1 + random.nextInt(300);
            for (int i = 0; i < count; i++) {
                households.add(new Household("户" + i, BigDecimal.valueOf(1 + random.nextInt(500), 2)));
            }
            List<Share> shares = DividendSplit.split(amount, households);
            assertThat(sum(shares)).isEqualByComparingTo(amount);
            assertThat(shares).allSatisfy(s -> assertThat(s.amount().scale()).isEqualTo(2));
        }
    }

    private static Household household(String name, int weight) {
        return new Household(name, BigDecimal.valueOf(weight));
    }

    private static BigDecimal sum(List<Share> shares) {
        return shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
