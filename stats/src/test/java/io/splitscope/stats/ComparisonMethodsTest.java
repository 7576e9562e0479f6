package io.splitscope.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.stats.methods.WelchT;
import org.junit.jupiter.api.Test;

class ComparisonMethodsTest {

    @Test
    void serviceLoaderFindsWelchT() {
        assertThat(ComparisonMethods.all()).extracting(ComparisonMethod::id).contains("welch_t");
        ComparisonMethod<?> method = ComparisonMethods.byId("welch_t");
        assertThat(method).isInstanceOf(WelchT.class);
        assertThat(method.inputType()).isEqualTo(Moments.class);
        assertThat(ComparisonMethods.byId("welch_t")).isSameAs(method);
    }

    @Test
    void everyRegisteredMethodHasAUniqueStableIdAndATitle() {
        assertThat(ComparisonMethods.all()).extracting(ComparisonMethod::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z][a-z0-9_]*"));
        assertThat(ComparisonMethods.all()).allSatisfy(m -> {
            assertThat(m.title()).isNotBlank();
            assertThat(ComparisonMethods.byId(m.id())).isSameAs(m);
        });
        assertThatThrownBy(() -> ComparisonMethods.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unknownIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> ComparisonMethods.byId("xyz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown stat method 'xyz' (known: ")
                .hasMessageContaining("welch_t")
                .hasMessageEndingWith(")");
        assertThatThrownBy(() -> ComparisonMethods.byId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedLookup() {
        ComparisonMethod<Moments> welch = ComparisonMethods.byId("welch_t", Moments.class);
        ComparisonResult r = welch.compare(Moments.of(1, 2, 3), Moments.of(2, 3, 4));
        assertThat(r.absoluteEffect()).isEqualTo(1.0);

        assertThatThrownBy(() -> ComparisonMethods.byId("welch_t", VariantData.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stat method 'welch_t' takes Moments, not VariantData");
        assertThatThrownBy(() -> ComparisonMethods.byId("nope", Moments.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown stat method 'nope'");
    }
}
