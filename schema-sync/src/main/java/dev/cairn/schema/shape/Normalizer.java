package dev.cairn.schema.shape;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts types and defaults, as the model renders them and as each database reports them, into one canonical text,
 * so that equal things compare equal: {@code int(11)} and {@code INTEGER} are {@code int}, {@code year(4)} is
 * {@code year}, {@code tinyint(1)} is {@code boolean} (a {@code tinyint} of another width stays {@code tinyint}),
 * {@code b'101'} is {@code 5}, {@code NULL} is no default, every form of {@code current_timestamp} is {@code now},
 * and {@code uuid()} and {@code RANDOM_UUID()} are one expression, which is never equal to the text {@code 'uuid()'}.
 */
public final class Normalizer {
    private static final Pattern INT_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|integer|bigint|year)\\(\\d+\\)");
    // MySQL reports the default of a BIT column as a bit literal.
    private static final Pattern BITS = Pattern.compile("^b'([01]+)'$", Pattern.CASE_INSENSITIVE);
    // date '...', timestamp with time zone '...' (H2), and the JDBC escapes {d '...'}, {ts '...'} jOOQ writes for MySQL.
    private static final Pattern TYPED_LITERAL = Pattern.compile(
            "^(?:date|time|timestamp(?: with time zone)?)\\s*('.*')$|^\\{(?:d|t|ts)\\s*('.*')}$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DATE_TIME = Pattern.compile(
            "^((?:\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?([+-]\\d{2}(?::\\d{2})?)?$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern CAST = Pattern.compile("^cast\\((.*) as [a-z ]+(\\(\\d+(,\\d+)?\\))?\\)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?$");
    private static final Pattern NOW = Pattern.compile(
            "^(current_timestamp|localtimestamp|now)(\\(\\d*\\))?$", Pattern.CASE_INSENSITIVE);
    // Expression defaults each database spells its own way (H2 reports UUID() as RANDOM_UUID()).
    private static final Map<Pattern, String> SYNONYMS = Map.of(
            // PostgreSQL's (13+) is gen_random_uuid().
            Pattern.compile("\\b(?:gen_)?random_uuid\\(\\)"), "uuid()",
            Pattern.compile("\\b(?:current_date|curdate)(?:\\(\\))?(?![\\w(])"), "curdate()",
            Pattern.compile("\\b(?:current_time|localtime|curtime)(?:\\(\\))?(?![\\w(])"), "curtime()",
            // H2 keeps CURRENT_USER() as the SQL-standard CURRENT_USER.
            Pattern.compile("\\bcurrent_user(?:\\(\\))?(?![\\w(])"), "current_user()",
            Pattern.compile("\\b(?:current_timestamp|localtimestamp|now)(?:\\(\\))?(?![\\w(])"), "now()",
            Pattern.compile("\\b(?:current_timestamp|localtimestamp|now)\\((\\d+)\\)"), "now($1)");

    // Compiled once: a check of 2,000 tables normalizes some 20,000 types.
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final String[][] TYPE_SYNONYMS = {{"integer", "int"}, {"double precision", "double"},
            {"numeric", "decimal"}, {"character varying", "varchar"}, {"character large object", "clob"},
            {"binary varying", "varbinary"}, {"binary large object", "blob"}, {"character(", "char("}};

    private Normalizer() {
    }

    /** The canonical form of a column type. */
    public static String type(String raw) {
        String t = raw.trim();
        int paren = t.indexOf('(');
        String head = (paren < 0 ? t : t.substring(0, paren)).toLowerCase(Locale.ROOT).trim();
        head = SPACES.matcher(head).replaceAll(" ");
        String rest = paren < 0 ? "" : t.substring(paren);
        if (head.equals("enum") || head.equals("set")) {
            // Labels are kept as written, case and spaces included; only the space between them goes.
            return head + labelList(rest);
        }
        rest = SPACES.matcher(COMMA.matcher(rest).replaceAll(",")).replaceAll(" ").toLowerCase(Locale.ROOT);
        String s = head + rest;
        if (s.startsWith("tinyint(1)")) {
            return "boolean" + s.substring("tinyint(1)".length());
        }
        Matcher m = INT_WIDTH.matcher(s);
        if (m.find()) {
            s = m.group(1) + s.substring(m.end());
        }
        // MySQL writes a date-time without fractional digits as plain "timestamp"; spell the zero out.
        if (s.equals("timestamp") || s.equals("datetime") || s.equals("time")) {
            s = s + "(0)";
        }
        for (String[] synonym : TYPE_SYNONYMS) {
            if (s.startsWith(synonym[0])) {
                s = synonym[1] + s.substring(synonym[0].length());
            }
        }
        return s.replace(" with time zone", " tz");
    }

    /**
     * A list of quoted labels, {@code ('a', 'b c')}, without the space outside the quotes: {@code ('a','b c')}.
     * Inside quotes {@code ''} and a backslash escape the next character, as MySQL writes them.
     */
    private static String labelList(String list) {
        StringBuilder sb = new StringBuilder(list.length());
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (!quoted) {
                if (!Character.isWhitespace(ch)) {
                    sb.append(ch);
                    quoted = ch == '\'';
                }
            } else if (ch == '\\' && i + 1 < list.length()) {
                sb.append(ch).append(list.charAt(++i));
            } else if (ch == '\'' && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                sb.append("''");
                i++;
            } else {
                sb.append(ch);
                quoted = ch != '\'';
            }
        }
        return sb.toString();
    }

    /**
     * The canonical form of a default, or {@code null} for none. Literal text keeps its quotes ({@code 'x'}, with a
     * quote inside doubled), so that it never equals an expression ({@code 'uuid()'} is not {@code uuid()}); numbers,
     * dates and times are their value; the current time is {@code now}; any other expression is its text in lower
     * case without spaces that separate nothing and without outer parentheses, with synonyms in one spelling
     * ({@code uuid()} for {@code RANDOM_UUID()}, {@code curdate()} for {@code CURRENT_DATE}).
     */
    public static String defaultValue(String raw) {
        if (raw == null) {
            return null;
        }
        String d = raw.trim();
        if (d.isEmpty() || d.equalsIgnoreCase("NULL")) {
            return null;
        }
        Matcher cast = CAST.matcher(d);
        if (cast.matches()) {
            d = cast.group(1).trim();
        }
        if (NOW.matcher(d).matches()) {
            return "now";
        }
        Matcher bits = BITS.matcher(d);
        if (bits.matches()) {
            return new java.math.BigInteger(bits.group(1), 2).toString();
        }
        if (NUMBER.matcher(d).matches()) {
            // 0.25, 2.5E-1 and 0.250 are one value, however each side writes it.
            return new java.math.BigDecimal(d).stripTrailingZeros().toPlainString();
        }
        Matcher typed = TYPED_LITERAL.matcher(d);
        if (typed.matches()) {
            d = typed.group(1) != null ? typed.group(1) : typed.group(2);
        }
        if (d.regionMatches(true, 0, "u&'", 0, 3) && isOneLiteral(d.substring(2))) {
            d = unicodeLiteral(d.substring(2));  // H2 writes a default holding a control character as U&'...'
        }
        boolean quoted = isOneLiteral(d);
        if (quoted) {
            d = unquote(d);
        }
        Matcher dateTime = DATE_TIME.matcher(d);
        if (dateTime.matches()) {
            // 05.120000 and 05.12 are one value (MariaDB pads to the column's digits); +00:00 is H2's +00.
            String fraction = dateTime.group(2) == null ? "" : dateTime.group(2).replaceFirst("\\.?0+$", "");
            String offset = dateTime.group(3) == null ? "" : dateTime.group(3).replaceFirst(":00$", "");
            return dateTime.group(1) + fraction + offset;
        }
        if (DATE.matcher(d).matches()) {
            return d;
        }
        if (quoted) {
            return "'" + d.replace("'", "''") + "'";
        }
        if (d.equalsIgnoreCase("true")) {
            return "1";
        }
        if (d.equalsIgnoreCase("false")) {
            return "0";
        }
        return expression(d);
    }

    /**
     * The text of one quoted literal: {@code ''} is a quote, and the escapes MariaDB writes in its catalog are read
     * ({@code \n} a newline, {@code \r}, {@code \0}, {@code \Z}, {@code \\} a backslash); any other backslash is
     * kept. Both sides of a comparison are read alike, so H2's literals (which have no escapes) compare equal to
     * themselves.
     */
    private static String unquote(String literal) {
        StringBuilder sb = new StringBuilder(literal.length());
        for (int i = 1; i < literal.length() - 1; i++) {
            char ch = literal.charAt(i);
            if (ch == '\'' && literal.charAt(i + 1) == '\'') {
                i++;
            } else if (ch == '\\' && i + 1 < literal.length() - 1 && "\\nr0Z".indexOf(literal.charAt(i + 1)) >= 0) {
                char next = literal.charAt(++i);
                ch = switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'Z' -> '\u001a';
                    default -> next;
                };
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    // A U&'...' literal's text as an ordinary literal: \XXXX and \+XXXXXX are code points, \\ a backslash.
    private static String unicodeLiteral(String literal) {
        StringBuilder sb = new StringBuilder("'");
        String body = literal.substring(1, literal.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '\\') {
                sb.append("\\\\");
                i++;
            } else if (ch == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '+' && i + 8 <= body.length()) {
                sb.appendCodePoint(Integer.parseInt(body.substring(i + 2, i + 8), 16));
                i += 7;
            } else if (ch == '\\' && i + 5 <= body.length()) {
                sb.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                sb.append(ch);
            }
        }
        return sb.append('\'').toString();
    }

    // Whether the text is one quoted literal, 'it''s', rather than an expression such as 'a' || 'b'.
    private static boolean isOneLiteral(String d) {
        if (d.length() < 2 || d.charAt(0) != '\'') {
            return false;
        }
        for (int i = 1; i < d.length(); i++) {
            char ch = d.charAt(i);
            if (ch == '\\' && i + 1 < d.length() && d.charAt(i + 1) == '\\') {
                i++;  // MariaDB doubles a backslash; H2 writes one, which escapes nothing
            } else if (ch == '\'') {
                if (i + 1 < d.length() && d.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i == d.length() - 1;
                }
            }
        }
        return false;
    }

    /** An expression default: lower case and spaces out (outside quotes), outer parentheses off, synonyms as one. */
    private static String expression(String d) {
        StringBuilder sb = new StringBuilder(d.length());
        char quote = 0;
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if (quote != 0) {
                sb.append(ch);
                if (ch == '\\' && i + 1 < d.length()) {
                    sb.append(d.charAt(++i));
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
                sb.append(ch);
            } else if (Character.isWhitespace(ch)) {
                // A space is kept only between two words: "interval 1 day", not "1 + 2".
                int next = i + 1;
                while (next < d.length() && Character.isWhitespace(d.charAt(next))) {
                    next++;
                }
                if (sb.length() > 0 && next < d.length() && isWord(sb.charAt(sb.length() - 1)) && isWord(d.charAt(next))) {
                    sb.append(' ');
                }
                i = next - 1;
            } else {
                sb.append(Character.toLowerCase(ch));
            }
        }
        String e = sb.toString();
        if (e.startsWith("(") && closingParen(e) == e.length() - 1) {
            // MySQL 8 writes expression defaults in parentheses, MariaDB as they were given.
            return defaultValue(e.substring(1, e.length() - 1));
        }
        return synonyms(e);
    }

    // Each synonym in one spelling, outside quoted text: extract(day from current_date) is extract(day from curdate()).
    private static String synonyms(String e) {
        StringBuilder out = new StringBuilder(e.length());
        int start = 0;
        char quote = 0;
        for (int i = 0; i <= e.length(); i++) {
            char ch = i < e.length() ? e.charAt(i) : 0;
            if (quote == 0 && (ch == '\'' || ch == '"' || ch == '`' || i == e.length())) {
                String plain = e.substring(start, i);
                for (Map.Entry<Pattern, String> s : SYNONYMS.entrySet()) {
                    plain = s.getKey().matcher(plain).replaceAll(s.getValue());
                }
                out.append(plain);
                start = i;
                quote = ch;
            } else if (quote != 0 && (ch == '\\' || ch == quote)) {
                if (ch == '\\') {
                    i++;
                } else {
                    out.append(e, start, i + 1);
                    start = i + 1;
                    quote = 0;
                }
            }
        }
        return out.toString();
    }

    private static boolean isWord(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_';
    }

    // The index of the parenthesis that closes the one at 0, outside quotes, or -1.
    private static int closingParen(String e) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < e.length(); i++) {
            char ch = e.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** RESTRICT and NO ACTION behave alike (checked at once) in every supported database. */
    public static String action(String raw) {
        if (raw == null) {
            return "NO ACTION";
        }
        String a = raw.trim().toUpperCase(Locale.ROOT);
        return a.equals("RESTRICT") ? "NO ACTION" : a;
    }
}
