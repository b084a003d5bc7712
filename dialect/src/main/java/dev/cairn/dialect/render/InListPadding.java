package dev.cairn.dialect.render;

/** How many parameters an IN list is rendered with, so that lists of any length share a few query shapes. */
final class InListPadding {
    private InListPadding() {
    }

    /**
     * The number of parameters an IN list of {@code n} values is rendered with: the next power of two up to 1,024,
     * then the next multiple of 1,024. The last value fills the padding: it matches nothing new.
     */
    static int padded(int n) {
        if (n <= 1) {
            return n;
        }
        if (n <= 1024) {
            return Integer.highestOneBit(n - 1) << 1;
        }
        int padded = (n + 1023) / 1024 * 1024;
        // MariaDB takes at most 65,535 placeholders in a statement: padding never takes a list that fits past it.
        return padded <= 65_535 ? padded : n;
    }
}
