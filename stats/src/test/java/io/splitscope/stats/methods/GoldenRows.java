package io.splitscope.stats.methods;

import static io.splitscope.stats.Relative.relative;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.VariantData;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every {@code cuped} and {@code delta_ratio} row of the golden scorecards
 * (shared/golden/streaming-small/expected/*.json, computed by an independent R implementation of
 * spec/metrics.md), with the per-variant sufficient statistics of the same units computed from the
 * golden warehouse's CSV files by stats/src/test/r/golden-inputs.R (R 4.2.2; it also recomputes
 * every row from the unit-level values and prints the same numbers). Generated from that script's
 * output and the golden JSON; tolerance: the golden contract's relative 1e-9.
 */
final class GoldenRows {

    /** Relative tolerance of the golden contract. */
    static final double GOLDEN = 1e-9;

    private GoldenRows() {
    }

    /** One golden result row: every variant's input (the control first) and the expected numbers. */
    record GoldenRow<I extends VariantData>(String experiment, String metric, String variant, List<I> all,
            List<String> names, double controlValue, double treatmentValue, double absoluteEffect,
            double absoluteCiLow, double absoluteCiHigh, double relativeEffect, double relativeCiLow,
            double relativeCiHigh, double pValue) {

        I control() {
            return all.get(0);
        }

        I treatment() {
            return all.get(names.indexOf(variant));
        }

        @Override
        public String toString() {
            return experiment + " " + metric + " " + variant;
        }

        void assertMatches(ComparisonResult r) {
            assertThat(r.status()).isEqualTo(ResultStatus.OK);
            assertThat(r.controlValue()).isCloseTo(controlValue, relative(controlValue, GOLDEN));
            assertThat(r.treatmentValue()).isCloseTo(treatmentValue, relative(treatmentValue, GOLDEN));
            assertThat(r.absoluteEffect()).isCloseTo(absoluteEffect, relative(absoluteEffect, GOLDEN));
            assertThat(r.absoluteCi().low()).isCloseTo(absoluteCiLow, relative(absoluteCiLow, GOLDEN));
            assertThat(r.absoluteCi().high()).isCloseTo(absoluteCiHigh, relative(absoluteCiHigh, GOLDEN));
            assertThat(r.relativeEffect()).isCloseTo(relativeEffect, relative(relativeEffect, GOLDEN));
            assertThat(r.relativeCi().low()).isCloseTo(relativeCiLow, relative(relativeCiLow, GOLDEN));
            assertThat(r.relativeCi().high()).isCloseTo(relativeCiHigh, relative(relativeCiHigh, GOLDEN));
            assertThat(r.pValue()).isCloseTo(pValue, relative(pValue, GOLDEN));
        }
    }

    /** The 18 golden cuped rows (exp_autoplay.cuped.json, exp_price.cuped.json). */
    static Stream<GoldenRow<CovariateMoments>> cuped() {
        return Stream.of(
        // exp_autoplay streaming_hours / previews; inputs: golden-inputs.R (control, previews), expected: exp_autoplay.cuped.json
        new GoldenRow<>("exp_autoplay", "streaming_hours", "previews", List.of(
                new CovariateMoments(new Moments(863, 2760.8171944444443, 23170.434693440588), new Moments(863, 5871.6374999999998, 90012.087854464509), 35822.857937360342) /* control */,
                new CovariateMoments(new Moments(897, 3182.8468055555554, 29749.714227474538), new Moments(897, 6038.5626388888886, 94071.717364713739), 41803.566359485339) /* previews */),
                List.of("control", "previews"), 3.185866702946902, 3.5610490918136275, 0.3751823888667256, 0.06614051617848382, 0.6842242615549674, 0.11776462226736757, 0.015306793288785009, 0.22022245124595013, 0.01736841494899858),
        // exp_autoplay plays_per_member / previews; inputs: golden-inputs.R (control, previews), expected: exp_autoplay.cuped.json
        new GoldenRow<>("exp_autoplay", "plays_per_member", "previews", List.of(
                new CovariateMoments(new Moments(863, 2758, 20252), new Moments(863, 5809, 82089), 36363) /* control */,
                new CovariateMoments(new Moments(897, 3165, 25623), new Moments(897, 6091, 88271), 42676) /* previews */),
                List.of("control", "previews"), 3.2089239816370507, 3.515828989796238, 0.3069050081591871, 0.09572577152589914, 0.5180842447924751, 0.09564109649073636, 0.026777812197849513, 0.16450438078362323, 0.004417913458390383),
        // exp_autoplay active_days / previews; inputs: golden-inputs.R (control, previews), expected: exp_autoplay.cuped.json
        new GoldenRow<>("exp_autoplay", "active_days", "previews", List.of(
                new CovariateMoments(new Moments(863, 1893, 7609), new Moments(863, 3957, 29733), 13457) /* control */,
                new CovariateMoments(new Moments(897, 2123, 8961), new Moments(897, 4114, 31316), 15197) /* previews */),
                List.of("control", "previews"), 2.193778234881946, 2.366521051613022, 0.17274281673107605, 0.049903216863052074, 0.2955824165991, 0.07874215086301642, 0.020455155085566494, 0.13702914664046634, 0.005874208657084714),
        // exp_autoplay play_rate / previews; inputs: golden-inputs.R (control, previews), expected: exp_autoplay.cuped.json
        new GoldenRow<>("exp_autoplay", "play_rate", "previews", List.of(
                new CovariateMoments(new Moments(863, 639, 639), new Moments(863, 734, 734), 613) /* control */,
                new CovariateMoments(new Moments(897, 671, 671), new Moments(897, 749, 749), 637) /* previews */),
                List.of("control", "previews"), 0.7354878307711432, 0.7528138261365703, 0.017325995365427116, -0.017476285798738847, 0.05212827652959308, 0.02355714757001646, -0.024344464231430194, 0.07145875937146312, 0.328988879557055),
        // exp_autoplay revenue_per_member / previews; inputs: golden-inputs.R (control, previews), expected: exp_autoplay.cuped.json
        new GoldenRow<>("exp_autoplay", "revenue_per_member", "previews", List.of(
                new CovariateMoments(new Moments(711, 9453.1499999999996, 168878.6623), new Moments(711, 4714.2200000000003, 83558.948799999998), 68674.665599999993) /* control */,
                new CovariateMoments(new Moments(703, 9119.5499999999993, 162245.2971), new Moments(703, 4232.5199999999995, 72742.0052), 59878.529999999999) /* previews */),
                List.of("control", "previews"), 13.262001608470712, 13.006282868246549, -0.25571874022416274, -1.0697191421500873, 0.5582816617017617, -0.019282062223611098, -0.08008458432978452, 0.041520459882562324, 0.5378272456720328),
        // exp_autoplay cancel_rate / previews; inputs: golden-inputs.R (control, previews), expected: exp_autoplay.cuped.json
        new GoldenRow<>("exp_autoplay", "cancel_rate", "previews", List.of(
                new CovariateMoments(new Moments(711, 53, 53), new Moments(711, 19, 19), 0) /* control */,
                new CovariateMoments(new Moments(703, 45, 45), new Moments(703, 25, 25), 0) /* previews */),
                List.of("control", "previews"), 0.07422854823595637, 0.06432930612266717, -0.0098992421132892, -0.03636942450229705, 0.01657094027571865, -0.13336165597394775, -0.4654924179623978, 0.19876910601450234, 0.4633070305862934),
        // exp_price streaming_hours / price_up_1; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "streaming_hours", "price_up_1", List.of(
                new CovariateMoments(new Moments(781, 2427.9001944444444, 21524.301001388118), new Moments(781, 5273.3335555555559, 81925.274117163586), 32884.973919962962) /* control */,
                new CovariateMoments(new Moments(342, 1021.2215, 8461.7220629151234), new Moments(342, 2374.2932777777778, 37891.29701349383), 13767.653438247686) /* price_up_1 */,
                new CovariateMoments(new Moments(376, 1134.8646944444445, 8826.5752280979941), new Moments(376, 2226.674138888889, 30730.495725284723), 12761.924580020062) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 3.0524008294811504, 2.864673393000808, -0.1877274364803423, -0.5902750787061943, 0.2148202057455098, -0.06150156777157355, -0.190865190608434, 0.0678620550652869, 0.36016247933779266),
        // exp_price streaming_hours / price_up_2; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "streaming_hours", "price_up_2", List.of(
                new CovariateMoments(new Moments(781, 2427.9001944444444, 21524.301001388118), new Moments(781, 5273.3335555555559, 81925.274117163586), 32884.973919962962) /* control */,
                new CovariateMoments(new Moments(342, 1021.2215, 8461.7220629151234), new Moments(342, 2374.2932777777778, 37891.29701349383), 13767.653438247686) /* price_up_1 */,
                new CovariateMoments(new Moments(376, 1134.8646944444445, 8826.5752280979941), new Moments(376, 2226.674138888889, 30730.495725284723), 12761.924580020062) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 3.0524008294811504, 3.24559319323892, 0.1931923637577695, -0.1837451222005736, 0.5701298497161126, 0.06329193790404272, -0.06307605899465152, 0.18965993480273696, 0.3146864138279581),
        // exp_price plays_per_member / price_up_1; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "plays_per_member", "price_up_1", List.of(
                new CovariateMoments(new Moments(781, 2447, 18303), new Moments(781, 5158, 73106), 32751) /* control */,
                new CovariateMoments(new Moments(342, 1087, 8105), new Moments(342, 2327, 34343), 14939) /* price_up_1 */,
                new CovariateMoments(new Moments(376, 1154, 7976), new Moments(376, 2308, 29836), 13649) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 3.103278159022063, 3.0647964924074675, -0.03848166661459551, -0.3121694296389275, 0.2352060964097365, -0.012400327860626665, -0.10026333493430319, 0.07546267921304985, 0.7825634207818651),
        // exp_price plays_per_member / price_up_2; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "plays_per_member", "price_up_2", List.of(
                new CovariateMoments(new Moments(781, 2447, 18303), new Moments(781, 5158, 73106), 32751) /* control */,
                new CovariateMoments(new Moments(342, 1087, 8105), new Moments(342, 2327, 34343), 14939) /* price_up_1 */,
                new CovariateMoments(new Moments(376, 1154, 7976), new Moments(376, 2308, 29836), 13649) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 3.103278159022063, 3.2345195675542953, 0.1312414085322322, -0.1308731063422544, 0.3933559234067188, 0.042291216515889234, -0.043369077434857094, 0.12795151046663555, 0.32595054100942034),
        // exp_price active_days / price_up_1; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "active_days", "price_up_1", List.of(
                new CovariateMoments(new Moments(781, 1689, 6725), new Moments(781, 3531, 26065), 11752) /* control */,
                new CovariateMoments(new Moments(342, 766, 3148), new Moments(342, 1573, 11939), 5446) /* price_up_1 */,
                new CovariateMoments(new Moments(376, 805, 3073), new Moments(376, 1629, 11791), 5260) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 2.1508346259209454, 2.1966968117466013, 0.04586218582565582, -0.12798001034928513, 0.21970438200059678, 0.021322971684082186, -0.060010167589339955, 0.10265611095750433, 0.6045990287924401),
        // exp_price active_days / price_up_2; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "active_days", "price_up_2", List.of(
                new CovariateMoments(new Moments(781, 1689, 6725), new Moments(781, 3531, 26065), 11752) /* control */,
                new CovariateMoments(new Moments(342, 766, 3148), new Moments(342, 1573, 11939), 5446) /* price_up_1 */,
                new CovariateMoments(new Moments(376, 805, 3073), new Moments(376, 1629, 11791), 5260) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 2.1508346259209454, 2.204595339197883, 0.053760713276937544, -0.1125599656056743, 0.2200813921595494, 0.024995279799309655, -0.05295544661919517, 0.10294600621781448, 0.5259013378113622),
        // exp_price play_rate / price_up_1; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "play_rate", "price_up_1", List.of(
                new CovariateMoments(new Moments(781, 570, 570), new Moments(781, 670, 670), 547) /* control */,
                new CovariateMoments(new Moments(342, 250, 250), new Moments(342, 292, 292), 241) /* price_up_1 */,
                new CovariateMoments(new Moments(376, 283, 283), new Moments(376, 319, 319), 264) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 0.7278926719040406, 0.7314455088034595, 0.0035528368994188764, -0.04535069963492094, 0.05245637343375869, 0.0048809900642704275, -0.06240728577456431, 0.07216926590310516, 0.8866089283978077),
        // exp_price play_rate / price_up_2; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "play_rate", "price_up_2", List.of(
                new CovariateMoments(new Moments(781, 570, 570), new Moments(781, 670, 670), 547) /* control */,
                new CovariateMoments(new Moments(342, 250, 250), new Moments(342, 292, 292), 241) /* price_up_1 */,
                new CovariateMoments(new Moments(376, 283, 283), new Moments(376, 319, 319), 264) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 0.7278926719040406, 0.7562804766812794, 0.02838780477723879, -0.020118676854214486, 0.07689428640869206, 0.038999987048889, -0.0284800308536129, 0.1064800049513909, 0.2509542578519874),
        // exp_price revenue_per_member / price_up_1; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "revenue_per_member", "price_up_1", List.of(
                new CovariateMoments(new Moments(509, 6304.0799999999999, 109554.56559999999), new Moments(509, 3149.6799999999998, 53896.5236), 39842.665399999998) /* control */,
                new CovariateMoments(new Moments(221, 2995.5900000000001, 56220.9473), new Moments(221, 1377.5599999999999, 24251.7336), 22210.2448) /* price_up_1 */,
                new CovariateMoments(new Moments(250, 3558.29, 71710.688299999994), new Moments(250, 1648.0699999999999, 28211.6839), 23996.246499999997) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 12.393674641361018, 13.559776402654071, 1.1661017612930529, -0.12922312126150626, 2.461426643847612, 0.09408846004408235, -0.013280853642411633, 0.20145777373057633, 0.07752352414333501),
        // exp_price revenue_per_member / price_up_2; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "revenue_per_member", "price_up_2", List.of(
                new CovariateMoments(new Moments(509, 6304.0799999999999, 109554.56559999999), new Moments(509, 3149.6799999999998, 53896.5236), 39842.665399999998) /* control */,
                new CovariateMoments(new Moments(221, 2995.5900000000001, 56220.9473), new Moments(221, 1377.5599999999999, 24251.7336), 22210.2448) /* price_up_1 */,
                new CovariateMoments(new Moments(250, 3558.29, 71710.688299999994), new Moments(250, 1648.0699999999999, 28211.6839), 23996.246499999997) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 12.393674641361018, 14.211476090242769, 1.8178014488817507, 0.4838321182085703, 3.151770779554931, 0.1466717096812643, 0.0346410333364604, 0.2587023860260682, 0.007680507381035037),
        // exp_price cancel_rate / price_up_1; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "cancel_rate", "price_up_1", List.of(
                new CovariateMoments(new Moments(509, 41, 41), new Moments(509, 17, 17), 0) /* control */,
                new CovariateMoments(new Moments(221, 23, 23), new Moments(221, 7, 7), 0) /* price_up_1 */,
                new CovariateMoments(new Moments(250, 29, 29), new Moments(250, 8, 8), 0) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 0.08062325823119777, 0.10397637146387279, 0.023353113232675013, -0.023491268721663516, 0.07019749518701354, 0.289657274402219, -0.338781535375432, 0.91809608417987, 0.32759974682080206),
        // exp_price cancel_rate / price_up_2; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.cuped.json
        new GoldenRow<>("exp_price", "cancel_rate", "price_up_2", List.of(
                new CovariateMoments(new Moments(509, 41, 41), new Moments(509, 17, 17), 0) /* control */,
                new CovariateMoments(new Moments(221, 23, 23), new Moments(221, 7, 7), 0) /* price_up_1 */,
                new CovariateMoments(new Moments(250, 29, 29), new Moments(250, 8, 8), 0) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 0.08062325823119777, 0.11593593386721776, 0.03531267563601999, -0.011010396607307786, 0.08163574787934777, 0.43799613673211096, -0.21190743687540298, 1.0878997103396248, 0.13478331376491148));
    }

    /** The 3 golden delta_ratio rows (rebuffer_rate in exp_autoplay.json and exp_price.json). */
    static Stream<GoldenRow<RatioMoments>> deltaRatio() {
        return Stream.of(
        // exp_autoplay rebuffer_rate / previews; inputs: golden-inputs.R (control, previews), expected: exp_autoplay.json
        new GoldenRow<>("exp_autoplay", "rebuffer_rate", "previews", List.of(
                new RatioMoments(new Moments(863, 960, 3338), new Moments(863, 2760.8171944444443, 23170.434693440588), 6936.9315277777778) /* control */,
                new RatioMoments(new Moments(897, 1089, 4077), new Moments(897, 3182.8468055555554, 29749.714227474538), 8832.8244444444445) /* previews */),
                List.of("control", "previews"), 0.34772313137276717, 0.3421465331285144, -0.005576598244252773, -0.040775177691550465, 0.02962198120304492, -0.01603746699921016, -0.11639699383055921, 0.08432205983213889, 0.7561640661358464),
        // exp_price rebuffer_rate / price_up_1; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.json
        new GoldenRow<>("exp_price", "rebuffer_rate", "price_up_1", List.of(
                new RatioMoments(new Moments(781, 825, 3175), new Moments(781, 2427.9001944444444, 21524.301001388118), 6418.5653055555558) /* control */,
                new RatioMoments(new Moments(342, 370, 1218), new Moments(342, 1021.2215, 8461.7220629151234), 2423.7381944444446) /* price_up_1 */,
                new RatioMoments(new Moments(376, 437, 1627), new Moments(376, 1134.8646944444445, 8826.5752280979941), 2983.1993333333335) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 0.3397997997972802, 0.36231121260177157, 0.02251141280449137, -0.03191256254584931, 0.07693538815483206, 0.06624904669726517, -0.09702084149691373, 0.22951893489144407, 0.4175375351225406),
        // exp_price rebuffer_rate / price_up_2; inputs: golden-inputs.R (control, price_up_1, price_up_2), expected: exp_price.json
        new GoldenRow<>("exp_price", "rebuffer_rate", "price_up_2", List.of(
                new RatioMoments(new Moments(781, 825, 3175), new Moments(781, 2427.9001944444444, 21524.301001388118), 6418.5653055555558) /* control */,
                new RatioMoments(new Moments(342, 370, 1218), new Moments(342, 1021.2215, 8461.7220629151234), 2423.7381944444446) /* price_up_1 */,
                new RatioMoments(new Moments(376, 437, 1627), new Moments(376, 1134.8646944444445, 8826.5752280979941), 2983.1993333333335) /* price_up_2 */),
                List.of("control", "price_up_1", "price_up_2"), 0.3397997997972802, 0.38506793112805976, 0.04526813133077956, -0.0072302113439590004, 0.09776647400551812, 0.13322000589107438, -0.02788418390605496, 0.2943241956882037, 0.09102173078407637));
    }
}
