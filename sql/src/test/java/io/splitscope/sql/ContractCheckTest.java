package io.splitscope.sql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The experiment ids of the contract ({@code spec/warehouse.md}: 1–64 characters of {@code A-Za-z0-9_.-}, a key). */
class ContractCheckTest {

    @Test
    void acceptsIdsOfTheContractsCharacters() {
        assertThatCode(() -> ContractCheck.requireExperimentIds(List.of("exp_autoplay", "checkout-v2.1", "x".repeat(64))))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnIdOutsideTheContractsCharacters() {
        assertThatThrownBy(() -> ContractCheck.requireExperimentIds(List.of("exp_price", "exp a/b")))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("table experiments: experiment_id 'exp a/b' breaks the rule 1-64 characters of A-Za-z0-9_.-");
    }

    @Test
    void refusesAnEmptyATooLongAndAMissingId() {
        assertThatThrownBy(() -> ContractCheck.requireExperimentIds(List.of("")))
                .hasMessage("table experiments: experiment_id '' breaks the rule 1-64 characters of A-Za-z0-9_.-");
        assertThatThrownBy(() -> ContractCheck.requireExperimentIds(List.of("x".repeat(65))))
                .hasMessageContaining("breaks the rule 1-64 characters");
        assertThatThrownBy(() -> ContractCheck.requireExperimentIds(Arrays.asList("exp_price", null)))
                .hasMessage("table experiments: experiment_id NULL breaks the rule 1-64 characters of A-Za-z0-9_.-");
    }

    @Test
    void refusesAnIdOnTwoRows() {
        assertThatThrownBy(() -> ContractCheck.requireExperimentIds(List.of("exp_price", "exp_autoplay", "exp_price")))
                .isInstanceOf(WarehouseException.class)
                .hasMessage("table experiments: experiment_id 'exp_price' is on 2 rows, but an experiment has one");
    }
}
