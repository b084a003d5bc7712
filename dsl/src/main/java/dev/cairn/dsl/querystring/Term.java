package dev.cairn.dsl.querystring;

import java.util.List;

/** The parsed form of a query string, before fields and values are checked: words, lists and calls. */
sealed interface Term {
    /** Where the term starts in the query string. */
    int position();

    /** A word (a field, an operator name or a value), percent-decoded. */
    record Word(String text, int position) implements Term {
    }

    /** A parenthesised list of words: the values of {@code in(status,(a,b))}. */
    record ListOf(List<Word> items, int position) implements Term {
    }

    /** {@code name(args)}; {@code a=b} and {@code a=op=b} are read as {@code eq(a,b)} and {@code op(a,b)}. */
    record Call(String name, List<Term> args, int position) implements Term {
    }
}
