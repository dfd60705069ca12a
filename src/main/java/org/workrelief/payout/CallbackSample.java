package org.workrelief.payout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.workrelief.common.BusinessRuleException;

/**
 * 回访抽查 (the call-back sample), as a rule: how many lines of a publicized batch are drawn, how they
 * are drawn from a recorded seed (so anyone can draw them again), and when the sample lets the batch
 * be approved: every sampled line checked with the worker reached, and every answer that differs
 * resolved by an administrator, by correcting the line (and the line still as corrected) or by a written
 * decision.
 */
public final class CallbackSample {

    private CallbackSample() {
    }

    /** {@code percent} of the lines, rounded up, at least {@code min}, at most {@code max}, never more than the lines. */
    public static int size(int lines, int percent, int min, int max) {
        if (lines <= 0) {
            return 0;
        }
        int byPercent = (int) Math.ceil(lines * (percent / 100.0));
        int size = Math.min(Math.max(byPercent, min), max);
        return Math.max(0, Math.min(size, lines));
    }

    /**
     * The lines drawn with this seed: the ids sorted ascending, shuffled by {@code java.util.Random(seed)},
     * the first {@code size} of them.
     */
    public static List<Long> draw(long seed, List<Long> lineIds, int size) {
        List<Long> ids = new ArrayList<>(lineIds);
        Collections.sort(ids);
        Collections.shuffle(ids, new Random(seed));
        return List.copyOf(ids.subList(0, Math.min(size, ids.size())));
    }

    /** Refuses approval while a sampled line is not checked, or an answer that differs is not resolved. */
    public static void requireDone(List<CallbackCheck> checks) {
        long open = checks.stream().filter(CallbackCheck::open).count();
        if (open > 0) {
            throw new BusinessRuleException("payout.callback.open", open);
        }
        long differs = checks.stream().filter(CallbackCheck::awaitingDecision).count();
        if (differs > 0) {
            throw new BusinessRuleException("payout.callback.differs", differs);
        }
    }
}
