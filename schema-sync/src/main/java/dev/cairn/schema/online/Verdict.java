package dev.cairn.schema.online;

import dev.cairn.schema.OnlineDdl.Algorithm;

/**
 * How the server runs one ALTER operation: the cheapest algorithm it allows, and whether writes wait meanwhile.
 *
 * @param reason why, in words, where it is not obvious; or {@code null}
 */
record Verdict(Algorithm algorithm, boolean blocksWrites, String reason) {

    static Verdict instant(String reason) {
        return new Verdict(Algorithm.INSTANT, false, reason);
    }

    static Verdict online(Algorithm algorithm, String reason) {
        return new Verdict(algorithm, false, reason);
    }

    static Verdict blocking(Algorithm algorithm, String reason) {
        return new Verdict(algorithm, true, reason);
    }

    static Verdict copy(String reason) {
        return new Verdict(Algorithm.COPY, true, reason);
    }

    /** The dearer of two operations run as one: the slower algorithm, blocking if either blocks. */
    Verdict and(Verdict other) {
        if (other == null) {
            return this;
        }
        Verdict dearer = other.algorithm.ordinal() > algorithm.ordinal()
                || other.algorithm == algorithm && other.blocksWrites && !blocksWrites ? other : this;
        Verdict cheaper = dearer == this ? other : this;
        String why = dearer.reason != null ? dearer.reason : cheaper.reason;
        if (cheaper.blocksWrites && !dearer.blocksWrites && cheaper.reason != null) {
            why = cheaper.reason;
        }
        return new Verdict(dearer.algorithm, blocksWrites || other.blocksWrites, why);
    }
}
