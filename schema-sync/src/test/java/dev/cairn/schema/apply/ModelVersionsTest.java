package dev.cairn.schema.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelVersionsTest {

    @Test
    void versionsCompareNumberByNumberAndAMissingNumberCountsAsZero() {
        assertThat(ModelVersions.ORDER.compare("3.10", "3.9")).isPositive();
        assertThat(ModelVersions.ORDER.compare("3", "3.0")).isZero();
        assertThat(ModelVersions.ORDER.compare("2026.11.30", "2026.2.1")).isPositive();
        assertThat(ModelVersions.ORDER.compare("2", "10")).isNegative();
        assertThat(ModelVersions.ORDER.compare("99999999999999999999", "99999999999999999998")).isPositive();
    }

    @Test
    void onlyDottedNumbersAreVersionsAndTheNewestIgnoresOthers() {
        assertThat(ModelVersions.isValid("3.1")).isTrue();
        assertThat(ModelVersions.isValid("v3")).isFalse();
        assertThat(ModelVersions.isValid("3.")).isFalse();
        assertThat(ModelVersions.isValid("")).isFalse();
        assertThat(ModelVersions.newest(List.of("2", "10", "9.9", "hand-written"))).isEqualTo("10");
        assertThat(ModelVersions.newest(List.of())).isNull();
    }
}
