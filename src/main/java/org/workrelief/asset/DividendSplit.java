package org.workrelief.asset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a dividend among households so that the shares add up to the amount exactly, to the fen.
 * Each household first gets its share rounded down to the fen; the fen left over go one each to the
 * households whose shares were cut the most (largest remainder), and between equal remainders to
 * the household listed first. The same list always gives the same split.
 */
public final class DividendSplit {

    /** A household and its weight (1 for an equal split). */
    public record Household(String name, BigDecimal weight) {
    }

    public record Share(String household, BigDecimal weight, BigDecimal amount) {
    }

    private DividendSplit() {
    }

    public static List<Share> split(BigDecimal amount, List<Household> households) {
        if (households.isEmpty()) {
            return List.of();
        }
        BigInteger fen = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).toBigIntegerExact();
        BigDecimal totalWeight = households.stream().map(Household::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<long[]> parts = new ArrayList<>(); // [index, floor fen] with the remainder kept beside
        List<BigDecimal> remainders = new ArrayList<>();
        long given = 0;
        for (int i = 0; i < households.size(); i++) {
            BigDecimal exact = new BigDecimal(fen).multiply(households.get(i).weight())
                    .divide(totalWeight, 20, RoundingMode.DOWN);
            long floor = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            parts.add(new long[] { i, floor });
            remainders.add(exact.subtract(BigDecimal.valueOf(floor)));
            given += floor;
        }
        long left = fen.longValueExact() - given;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(remainders::get).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            parts.get(order.get(k % order.size()))[1]++;
        }
        List<Share> shares = new ArrayList<>();
        for (long[] part : parts) {
            Household household = households.get((int) part[0]);
            shares.add(new Share(household.name(), household.weight(), BigDecimal.valueOf(part[1], 2)));
        }
        return shares;
    }
}
