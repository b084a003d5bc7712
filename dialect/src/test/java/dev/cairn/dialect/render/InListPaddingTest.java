package dev.cairn.dialect.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lengths IN lists are padded to: a few shapes for every length, never past MariaDB's placeholder limit. */
class InListPaddingTest {

    @Test
    void padsToPowersOfTwoThenMultiplesOf1024() {
        int[][] cases = {{0, 0}, {1, 1}, {2, 2}, {3, 4}, {4, 4}, {5, 8}, {127, 128}, {128, 128}, {129, 256},
            {1023, 1024}, {1024, 1024}, {1025, 2048}, {2047, 2048}, {2048, 2048}, {2049, 3072}, {64_512, 64_512}};
        for (int[] c : cases) {
            assertThat(InListPadding.padded(c[0])).as("n=" + c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void neverPadsAListPastMariaDbsLimitOf65535Placeholders() {
        assertThat(InListPadding.padded(64_513)).isEqualTo(64_513);
        assertThat(InListPadding.padded(65_535)).isEqualTo(65_535);
        assertThat(InListPadding.padded(70_000)).isEqualTo(70_000);
    }
}
