package io.splitscope.stats.methods;

import java.util.SplittableRandom;

/**
 * In-place selection of order statistics (multi-quickselect with three-way partitioning and
 * random pivots from a fixed seed, so it is deterministic): after {@link #select}, {@code a[k]}
 * holds the value it would hold if {@code a} were sorted, for every requested k, and every element
 * before (after) a selected position is not greater (not smaller). Expected O(n) for a few k, also
 * with many ties. The values must not be NaN.
 */
final class Selection {

    private static final int INSERTION_SORT_BELOW = 24;

    private Selection() {
    }

    /** Selects the 0-based ranks {@code ks} (any order, duplicates allowed) in {@code a}. */
    static void select(double[] a, int... ks) {
        if (a.length == 0 || ks.length == 0) {
            return;
        }
        int[] sorted = ks.clone();
        java.util.Arrays.sort(sorted);
        for (int k : sorted) {
            if (k < 0 || k >= a.length) {
                throw new IllegalArgumentException("rank " + k + " outside [0, " + a.length + ")");
            }
        }
        select(a, 0, a.length - 1, sorted, 0, sorted.length, new SplittableRandom(0x5E1EC7L ^ a.length));
    }

    /** Selects ranks {@code ks[kLo..kHi)}, all within {@code [lo, hi]}. */
    private static void select(double[] a, int lo, int hi, int[] ks, int kLo, int kHi, SplittableRandom random) {
        while (kLo < kHi) {
            if (hi - lo < INSERTION_SORT_BELOW) {
                insertionSort(a, lo, hi);
                return;
            }
            double pivot = medianOf3(a[lo + random.nextInt(hi - lo + 1)], a[lo + random.nextInt(hi - lo + 1)],
                    a[lo + random.nextInt(hi - lo + 1)]);
            // three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            int kMid1 = kLo;
            while (kMid1 < kHi && ks[kMid1] < lt) {
                kMid1++;
            }
            int kMid2 = kMid1;
            while (kMid2 < kHi && ks[kMid2] <= gt) {
                kMid2++;
            }
            // the left part (smaller, usually) by recursion, the right part by the loop
            if (kLo < kMid1) {
                select(a, lo, lt - 1, ks, kLo, kMid1, random);
            }
            lo = gt + 1;
            kLo = kMid2;
        }
    }

    private static double medianOf3(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    private static void insertionSort(double[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /**
     * R's {@code quantile(x, level, type = 7)} of the n values of {@code a}, selecting the order
     * statistics it needs in place: with {@code index = 1 + (n − 1)·level}, {@code lo = ⌊index⌋},
     * {@code hi = ⌈index⌉}, {@code h = index − lo}, the value {@code x(lo)}, or
     * {@code (1 − h)·x(lo) + h·x(hi)} when {@code h > 0} and {@code x(hi) ≠ x(lo)} — the same
     * expression, so the same double, as R.
     */
    static double type7(double[] a, double level) {
        int n = a.length;
        double index = 1 + (n - 1) * level;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        select(a, lo - 1, hi - 1);
        return type7(a[lo - 1], a[hi - 1], index - lo);
    }

    /** R's type-7 interpolation between the order statistics at ⌊index⌋ and ⌈index⌉. */
    static double type7(double low, double high, double h) {
        if (h > 0 && high != low) {
            return (1 - h) * low + h * high;
        }
        return low;
    }

    /** R's {@code quantile(x, level, type = 7)} of already sorted values. */
    static double type7Sorted(double[] sorted, int n, double level) {
        double index = 1 + (n - 1) * level;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        return type7(sorted[lo - 1], sorted[hi - 1], index - lo);
    }
}
