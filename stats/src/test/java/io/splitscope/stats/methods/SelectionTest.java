package io.splitscope.stats.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void selectsEveryRequestedRankAsSortingWould() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(trial < 200 ? 60 : 5000);
            double[] a = new double[n];
            int distinct = 1 + random.nextInt(trial % 3 == 0 ? 3 : 1000);
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(distinct) * 0.5 - 7;
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            int[] ks = {random.nextInt(n), random.nextInt(n), random.nextInt(n), 0, n - 1};
            double[] work = a.clone();
            Selection.select(work, ks);
            for (int k : ks) {
                assertThat(work[k]).isEqualTo(sorted[k]);
                for (int i = 0; i < k; i++) {
                    assertThat(work[i]).isLessThanOrEqualTo(work[k]);
                }
                for (int i = k + 1; i < n; i++) {
                    assertThat(work[i]).isGreaterThanOrEqualTo(work[k]);
                }
            }
            double[] w = work.clone();
            Arrays.sort(w);
            assertThat(w).containsExactly(sorted); // a permutation
        }
    }

    @Test
    void type7MatchesR() {
        // R 4.2.2: quantile(c(5, 1, 9, 3, 3, 7.5, 2), c(0.5, 0.9, 0.1, 0.25), type = 7)
        //          = 3, 8.1000000000000014, 1.6000000000000001, 2.5
        double[] x = {5, 1, 9, 3, 3, 7.5, 2};
        assertThat(Selection.type7(x.clone(), 0.5)).isEqualTo(3.0);
        assertThat(Selection.type7(x.clone(), 0.9)).isEqualTo(8.1000000000000014);
        assertThat(Selection.type7(x.clone(), 0.1)).isEqualTo(1.6000000000000001);
        assertThat(Selection.type7(x.clone(), 0.25)).isEqualTo(2.5);
        assertThat(Selection.type7(new double[] {4}, 0.9)).isEqualTo(4.0);
        double[] s = x.clone();
        Arrays.sort(s);
        assertThat(Selection.type7Sorted(s, s.length, 0.9)).isEqualTo(8.1000000000000014);
    }
}
