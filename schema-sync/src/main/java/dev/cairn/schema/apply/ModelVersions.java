package dev.cairn.schema.apply;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Model versions: dotted numbers ({@code 3}, {@code 3.1}, {@code 2026.11.30}) compared number by number, a missing
 * number counting as 0 ({@code 3} equals {@code 3.0}, {@code 3.10} is newer than {@code 3.9}).
 */
public final class ModelVersions {
    private static final Pattern DOTTED = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    /** Newer versions compare greater. */
    public static final Comparator<String> ORDER = ModelVersions::compare;

    private ModelVersions() {
    }

    /** Whether {@code version} is dotted numbers. */
    public static boolean isValid(String version) {
        return version != null && version.length() <= 100 && DOTTED.matcher(version).matches();
    }

    /** The newest of {@code versions} that are valid, or {@code null}; others (written by hand) are ignored. */
    public static String newest(Collection<String> versions) {
        return versions.stream().filter(ModelVersions::isValid).max(ORDER).orElse(null);
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
