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
    void everyBuiltInMethodDescribesItselfWithAFormulaAndAReference() {
        assertThat(ComparisonMethods.all()).filteredOn(m -> m.getClass().getPackageName().equals("io.splitscope.stats.methods"))
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(m -> {
                    assertThat(m.description().summary()).as(m.id()).isNotBlank().doesNotContain("registered with the stats module");
                    assertThat(m.description().formula()).as(m.id()).contains("=");
                    assertThat(m.description().reference()).as(m.id()).isNotBlank();
                    assertThat(m.description().summary()).as(m.id()).startsWith(m.description().headline());
                });
        // an R method says where it comes from
        assertThat(ComparisonMethods.byId("r_welch_t").description().summary())
                .startsWith("Computed in GNU R (through Rserve) by ").contains("It recomputes welch_t");
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
