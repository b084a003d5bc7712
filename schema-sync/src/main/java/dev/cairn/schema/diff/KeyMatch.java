package dev.cairn.schema.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Pairs the model's constraints of one kind with those a table has in the database, so that a schema made by hand
 * or by another tool plans nothing where it already says what the model says. First by name: a live one under the
 * model's name that is the same. Then by structure alone, model ones in declaration order, live ones in name order,
 * each live one paired at most once: an unnamed model constraint adopts the live name (no change), a named one is
 * renamed. An unnamed one never adopts a name that another model constraint of the kind has, for that name is
 * about to be taken.
 */
final class KeyMatch {
    private KeyMatch() {
    }

    /**
     * The pairs, model constraint to live one, in model order. {@code sameUnderName} compares a live constraint of
     * the model's name (checks: always the same, their conditions are spelled differently by each database);
     * {@code sameStructure} one of another name.
     */
    static <M, L> Map<M, L> pairs(List<M> model, Function<M, String> modelName, Predicate<M> named,
                                  Collection<L> live, Function<L, String> liveName,
                                  BiPredicate<M, L> sameUnderName, BiPredicate<M, L> sameStructure) {
        Map<M, L> pairs = new LinkedHashMap<>();
        Set<L> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> modelNames = new HashSet<>();
        for (M m : model) {
            modelNames.add(key(modelName.apply(m)));
        }
        for (M m : model) {
            for (L l : live) {
                if (!taken.contains(l) && key(liveName.apply(l)).equals(key(modelName.apply(m)))
                        && sameUnderName.test(m, l)) {
                    pairs.put(m, l);
                    taken.add(l);
                    break;
                }
            }
        }
        List<L> byName = new ArrayList<>(live);
        byName.sort(Comparator.comparing(l -> key(liveName.apply(l))));
        for (M m : model) {
            if (pairs.containsKey(m)) {
                continue;
            }
            for (L l : byName) {
                String name = key(liveName.apply(l));
                boolean reserved = !named.test(m) && modelNames.contains(name);
                if (!taken.contains(l) && !reserved && sameStructure.test(m, l)) {
                    pairs.put(m, l);
                    taken.add(l);
                    break;
                }
            }
        }
        Map<M, L> ordered = new LinkedHashMap<>();
        for (M m : model) {
            if (pairs.containsKey(m)) {
                ordered.put(m, pairs.get(m));
            }
        }
        return ordered;
    }

    /**
     * Orders renames, old name to new, so that none takes a name before the rename that frees it. Renames that
     * form a cycle ({@code a -> b}, {@code b -> a}) cannot be ordered: they are returned in {@code cycles}.
     */
    static List<Map.Entry<String, String>> order(Map<String, String> renames, List<Map.Entry<String, String>> cycles) {
        Map<String, String> left = new LinkedHashMap<>();
        renames.forEach((from, to) -> left.put(key(from), to));
        Map<String, String> spelled = new LinkedHashMap<>();
        renames.keySet().forEach(from -> spelled.put(key(from), from));
        List<Map.Entry<String, String>> out = new ArrayList<>();
        boolean progress = true;
        while (!left.isEmpty() && progress) {
            progress = false;
            for (var it = left.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, String> e = it.next();
                // Its new name must not still be the old name of a rename to come.
                if (!left.containsKey(key(e.getValue())) || key(e.getValue()).equals(e.getKey())) {
                    out.add(Map.entry(spelled.get(e.getKey()), e.getValue()));
                    it.remove();
                    progress = true;
                }
            }
        }
        left.forEach((from, to) -> cycles.add(Map.entry(spelled.get(from), to)));
        return out;
    }

    /**
     * A check's condition in a form both sides can be compared in: without quotes around names, spaces, the case of
     * names, or parentheses around the whole. What is quoted as a string is kept as written.
     */
    static String condition(String sql) {
        StringBuilder sb = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quoted) {
                sb.append(ch);
                quoted = ch != '\'';
            } else if (ch == '\'') {
                sb.append(ch);
                quoted = true;
            } else if (ch != '`' && ch != '"' && !Character.isWhitespace(ch)) {
                sb.append(Character.toLowerCase(ch));
            }
        }
        String s = sb.toString();
        while (s.startsWith("(") && s.endsWith(")") && wraps(s)) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    // Whether the first parenthesis closes at the very end (so "(a)and(b)" is not unwrapped).
    private static boolean wraps(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && --depth == 0 && i < s.length() - 1) {
                return false;
            }
        }
        return true;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
