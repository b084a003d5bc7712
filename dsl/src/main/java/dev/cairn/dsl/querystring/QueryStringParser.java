package dev.cairn.dsl.querystring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a query string into {@link Term}s. The grammar, with {@code &} binding tighter than {@code |}:
 *
 * <pre>
 * query := or
 * or    := and ('|' and)*
 * and   := term ('&amp;' term)*
 * term  := '(' or ')' | WORD '(' [arg (',' arg)*] ')' | WORD '=' WORD '=' WORD | WORD '=' WORD
 * arg   := term | '(' [WORD (',' WORD)*] ')' | WORD
 * </pre>
 *
 * Words are percent-decoded as UTF-8 after the structure is read, so an encoded {@code %26} is a value's {@code &};
 * {@code +} stays a plus sign (spaces are {@code %20}). A NUL character is refused, on every database alike.
 * Length, the number of terms and nesting are bounded.
 */
final class QueryStringParser {
    private static final String STRUCTURE = "&|(),=";

    private final String input;
    private final QueryLimits limits;
    private int at;
    private int terms;
    private int depth;

    private QueryStringParser(String input, QueryLimits limits) {
        this.input = input;
        this.limits = limits;
    }

    /** The top-level terms of the query, each to be combined with AND; an empty query gives none. */
    static Term parse(String query, QueryLimits limits) {
        if (query.length() > limits.maxLength()) {
            throw QueryStringException.at(limits.maxLength(), "The query string is longer than "
                    + limits.maxLength() + " characters");
        }
        String q = query.startsWith("?") ? query.substring(1) : query;
        QueryStringParser p = new QueryStringParser(q, limits);
        if (q.isEmpty()) {
            return new Term.Call("and", List.of(), 0);
        }
        Term t = p.or();
        if (p.at < q.length()) {
            throw QueryStringException.at(p.at, "Unexpected " + QueryStringException.quote(String.valueOf(q.charAt(p.at))));
        }
        return t;
    }

    private Term or() {
        int start = at;
        List<Term> parts = new ArrayList<>();
        parts.add(and());
        while (peek('|')) {
            at++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Term.Call("or", parts, start);
    }

    private Term and() {
        int start = at;
        List<Term> parts = new ArrayList<>();
        parts.add(term());
        while (peek('&')) {
            at++;
            if (at == input.length() || peek('&')) {
                continue;  // a trailing or doubled '&', as forms and hand-written URLs leave
            }
            parts.add(term());
        }
        return parts.size() == 1 ? parts.get(0) : new Term.Call("and", parts, start);
    }

    private Term term() {
        if (++terms > limits.maxTerms()) {
            throw QueryStringException.at(at, "The query has more than " + limits.maxTerms() + " terms");
        }
        int start = at;
        if (peek('(')) {
            at++;
            enter(start);
            Term inner = or();
            expect(')');
            depth--;
            return inner;
        }
        Term.Word name = word("a field or an operator");
        if (peek('(')) {
            at++;
            enter(start);
            List<Term> args = new ArrayList<>();
            if (!peek(')')) {
                args.add(arg());
                while (peek(',')) {
                    at++;
                    args.add(arg());
                }
            }
            expect(')');
            depth--;
            return new Term.Call(name.text(), args, start);
        }
        expect('=');
        Term.Word second = word("a value");
        if (peek('=')) {
            at++;
            Term.Word value = word("a value");
            return new Term.Call(second.text(), List.of(name, value), second.position());
        }
        return new Term.Call("eq", List.of(name, second), start);
    }

    private Term arg() {
        int start = at;
        if (peek('(')) {
            at++;
            enter(start);
            List<Term.Word> items = new ArrayList<>();
            if (!peek(')')) {
                items.add(word("a value"));
                while (peek(',')) {
                    at++;
                    items.add(word("a value"));
                }
            }
            expect(')');
            depth--;
            return new Term.ListOf(items, start);
        }
        int save = at;
        Term.Word w = word("an argument");
        if (peek('(') || peek('=')) {
            at = save;
            return term();
        }
        return w;
    }

    private void enter(int position) {
        if (++depth > limits.maxDepth()) {
            throw QueryStringException.at(position, "The query nests deeper than " + limits.maxDepth() + " levels");
        }
    }

    /** A run of characters up to the next structural one, decoded; may be empty (as the value of {@code a=}). */
    private Term.Word word(String what) {
        int start = at;
        while (at < input.length() && STRUCTURE.indexOf(input.charAt(at)) < 0) {
            at++;
        }
        if (start == at && "a field or an operator".equals(what)) {
            throw QueryStringException.at(start, at < input.length() ? "Expected " + what + " before "
                    + QueryStringException.quote(String.valueOf(input.charAt(at))) : "Expected " + what
                    + " at the end");
        }
        return new Term.Word(decode(input.substring(start, at), start), start);
    }

    private boolean peek(char c) {
        return at < input.length() && input.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw QueryStringException.at(at, "Expected '" + c + "'" + (at < input.length() ? " instead of "
                    + QueryStringException.quote(String.valueOf(input.charAt(at))) : " at the end"));
        }
        at++;
    }

    /** Percent-decoding as UTF-8, strictly: a bad escape or bytes that are not UTF-8 are an error, never guessed. */
    static String decode(String text, int position) {
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            throw QueryStringException.at(position + nul, "A value holds a NUL character (%00)");
        }
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw QueryStringException.at(position + i, "Incomplete percent escape");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw QueryStringException.at(position + i, "Bad percent escape "
                            + QueryStringException.quote(text.substring(i, i + 3)));
                }
                if (hi == 0 && lo == 0) {
                    // PostgreSQL refuses NUL in text while MariaDB keeps it: one answer everywhere, for untrusted input.
                    throw QueryStringException.at(position + i, "A value holds a NUL character (%00)");
                }
                bytes.write(hi * 16 + lo);
                i += 3;
                continue;
            }
            flush(bytes, out, position + i);
            out.append(c);
            i++;
        }
        flush(bytes, out, position + text.length());
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out, int position) {
        if (bytes.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())));
        } catch (CharacterCodingException e) {
            throw QueryStringException.at(position, "Percent escapes that are not UTF-8");
        }
        bytes.reset();
    }
}
