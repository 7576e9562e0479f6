package io.splitscope.stats.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.stats.distribution.Normal;
import org.junit.jupiter.api.Test;

/**
 * Lan–DeMets boundaries against an independent computation: stats/src/test/r/group_sequential.R
 * (R 4.2.2, mvtnorm 1.1-3: each boundary solved by uniroot on the multivariate normal probability
 * of Miwa's algorithm). The O'Brien–Fleming K = 5 values agree to 4 decimals with the example of
 * the R package ldbounds ({@code bounds((1:5)/5, iuse = c(1, 1), alpha = c(0.025, 0.025))}: 4.8769,
 * 3.3569, 2.6803, 2.2898, 2.0310), as quoted from memory of its documentation — the R computation
 * is the reference. Tolerance 1e-7, far inside the 3 decimals of a published table (measured agreement
 * within 1e-8; Miwa's algorithm agrees with TVPACK to 1e-14 on these 2-dimensional probabilities).
 */
class GroupSequentialTest {

    private static final double TOL = 1e-7;

    @Test
    void obrienFlemingFiveLooksAgainstMvtnorm() {
        // R: OBF K=5 alpha=0.025
        assertThat(GroupSequential.boundaries(5, 0.025, Design.Spending.OBRIEN_FLEMING))
                .containsExactly(new double[] {4.876884949, 3.357011922, 2.680280065, 2.289816768, 2.031032043}, within(TOL));
    }

    @Test
    void pocockFiveLooksAgainstMvtnorm() {
        // R: Pocock K=5 alpha=0.025
        assertThat(GroupSequential.boundaries(5, 0.025, Design.Spending.POCOCK))
                .containsExactly(new double[] {2.437976688, 2.426813858, 2.410194143, 2.396649265, 2.385999650}, within(TOL));
    }

    @Test
    void otherLevelsAndLooksAgainstMvtnorm() {
        // R: OBF K=4 alpha=0.05; Pocock K=3 alpha=0.05
        assertThat(GroupSequential.boundaries(4, 0.05, Design.Spending.OBRIEN_FLEMING))
                .containsExactly(new double[] {3.749551837, 2.539942573, 2.016069851, 1.720177065}, within(TOL));
        assertThat(GroupSequential.boundaries(3, 0.05, Design.Spending.POCOCK))
                .containsExactly(new double[] {2.002013845, 1.993796813, 1.980304221}, within(TOL));
    }

    @Test
    void oneLookIsTheFixedTest() {
        // One look spends all of α: c = z(1 − α) = qnorm(0.975) = 1.959963984540054 (R 4.2.2)
        assertThat(GroupSequential.boundaries(1, 0.025, Design.Spending.POCOCK)[0]).isCloseTo(1.959963984540054, within(1e-12));
    }

    @Test
    void manyDailyLooksKeepTheEarlyTinyLevelsFinite() {
        // 30 daily looks: O'Brien–Fleming spends α(1/30) = 2·pnorm(−qnorm(0.9875)·sqrt(30)) = 1.2e-34 (R 4.2.2) at the first look.
        double[] c = GroupSequential.boundaries(30, 0.025, Design.Spending.OBRIEN_FLEMING);
        double[] nominal = GroupSequential.nominalLevels(c);
        assertThat(c[0]).isCloseTo(-Normal.quantile(GroupSequential.spent(1.0 / 30, 0.025, Design.Spending.OBRIEN_FLEMING)),
                within(1e-12));
        assertThat(nominal[0]).isCloseTo(1.2087419005451579e-34, within(1e-46));
        for (int k = 1; k < c.length; k++) {
            assertThat(c[k]).as("look %d", k + 1).isLessThan(c[k - 1]);
        }
        // The last nominal level is below α and above the Bonferroni share α/30.
        assertThat(nominal[29]).isBetween(0.025 / 30, 0.025);
    }

    @Test
    void spendingFunctions() {
        // α(t) at t = 0.5, α = 0.025: OBF 2·pnorm(−qnorm(0.9875)/sqrt(0.5)) = 0.0015253227579889016 (R 4.2.2);
        // Pocock 0.025·log(1 + (e − 1)/2) = 0.015502862673956938 (R 4.2.2)
        assertThat(GroupSequential.spent(0.5, 0.025, Design.Spending.OBRIEN_FLEMING)).isCloseTo(0.0015253227579889016, within(1e-17));
        assertThat(GroupSequential.spent(0.5, 0.025, Design.Spending.POCOCK)).isCloseTo(0.015502862673956938, within(1e-17));
        assertThat(GroupSequential.spent(1, 0.025, Design.Spending.OBRIEN_FLEMING)).isEqualTo(0.025);
        assertThat(GroupSequential.spent(0, 0.025, Design.Spending.POCOCK)).isZero();
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> GroupSequential.boundaries(new double[] {0.5, 0.4, 1}, 0.025, Design.Spending.POCOCK))
                .hasMessageContaining("must increase");
        assertThatThrownBy(() -> GroupSequential.boundaries(new double[] {0.5, 0.9}, 0.025, Design.Spending.POCOCK))
                .hasMessageContaining("must end at 1");
        assertThatThrownBy(() -> GroupSequential.boundaries(3, 0.7, Design.Spending.POCOCK))
                .hasMessageContaining("one-sided level must be in (0, 0.5), got 0.7");
        assertThatThrownBy(() -> GroupSequential.spent(1.5, 0.025, Design.Spending.POCOCK))
                .hasMessageContaining("information fraction must be in [0, 1], got 1.5");
    }
}
