package dev.cairn.engine.replica;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A MariaDB GTID position: per replication domain, the last transaction ({@code domain-server-sequence}) a read must
 * see. Sequence numbers grow within a domain whichever server committed, so two positions merge by keeping each
 * domain's higher one. Immutable; its text is what {@code @@last_gtid} gives and {@code MASTER_GTID_WAIT} takes.
 */
public final class GtidPosition {
    private static final Pattern GTID = Pattern.compile("\\d{1,10}-\\d{1,10}-\\d{1,20}");
    private static final int MAX_DOMAINS = 64;
    static final GtidPosition NONE = new GtidPosition(new TreeMap<>());

    // domain -> {server, sequence}
    private final TreeMap<Long, long[]> domains;

    private GtidPosition(TreeMap<Long, long[]> domains) {
        this.domains = domains;
    }

    /**
     * The position a text names: GTIDs separated by commas, or empty for none. A text that is not one (a token a
     * client sent back altered) is refused with a message that quotes none of it.
     */
    public static GtidPosition parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_DOMAINS) {
            throw new IllegalArgumentException("A consistency token names at most " + MAX_DOMAINS + " domains");
        }
        TreeMap<Long, long[]> domains = new TreeMap<>();
        for (String p : parts) {
            String gtid = p.trim();
            if (!GTID.matcher(gtid).matches()) {
                throw new IllegalArgumentException("Not a consistency token: expected GTIDs such as 0-1-42, separated"
                        + " by commas");
            }
            String[] f = gtid.split("-");
            long[] at = {Long.parseLong(f[1]), Long.parseUnsignedLong(f[2])};
            domains.merge(Long.parseLong(f[0]), at, GtidPosition::later);
        }
        return new GtidPosition(domains);
    }

    private static long[] later(long[] a, long[] b) {
        return Long.compareUnsigned(a[1], b[1]) >= 0 ? a : b;
    }

    /** The position that has seen both: each domain's later transaction. */
    public GtidPosition merge(GtidPosition other) {
        if (other.domains.isEmpty() || other == this) {
            return this;
        }
        if (domains.isEmpty()) {
            return other;
        }
        TreeMap<Long, long[]> merged = new TreeMap<>(domains);
        for (Map.Entry<Long, long[]> e : other.domains.entrySet()) {
            merged.merge(e.getKey(), e.getValue(), GtidPosition::later);
        }
        return new GtidPosition(merged);
    }

    public boolean isEmpty() {
        return domains.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Long, long[]> e : domains.entrySet()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.getKey()).append('-').append(e.getValue()[0]).append('-')
                    .append(Long.toUnsignedString(e.getValue()[1]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GtidPosition g && toString().equals(g.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
