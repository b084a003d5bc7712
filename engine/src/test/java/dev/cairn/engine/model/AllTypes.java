package dev.cairn.engine.model;

import dev.cairn.dsl.Column;
import dev.cairn.dsl.Table;
import dev.cairn.dsl.type.JsonCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One column of every model type, all nullable, for round trips. */
public final class AllTypes extends Table<AllTypes.Values, Long> {
    public enum Mood { HAPPY, SAD, MEH }

    public enum Perm { READ, WRITE, ADMIN }

    /** A tiny object stored as JSON through a hand-written codec (the tests use no JSON library). */
    public record Prefs(String theme, int size) {
        static final Pattern P = Pattern.compile("\\{\"theme\":\"(.*)\",\"size\":(-?\\d+)}");

        static final JsonCodec<Prefs> CODEC = JsonCodec.of(Prefs.class,
                p -> "{\"theme\":\"" + p.theme() + "\",\"size\":" + p.size() + "}",
                s -> {
                    Matcher m = P.matcher(s.replace(" ", ""));
                    if (!m.matches()) {
                        throw new IllegalArgumentException("not prefs: " + s);
                    }
                    return new Prefs(m.group(1), Integer.parseInt(m.group(2)));
                });
    }

    public record Values(Long id, String vc, String ch, String txt, String longTxt, Short sm, Integer i, Long bi,
                         BigDecimal dec, Double dbl, Boolean flag, LocalDate day, LocalDateTime at, Instant ts,
                         LocalTime tm, UUID uid, byte[] bin, byte[] vbin, byte[] blob, String json, Prefs prefs,
                         Mood mood, Set<Perm> perms) {
    }

    public static final AllTypes ALL_TYPES = new AllTypes();

    public final Column<Long> id = bigint("id").autoIncrement().primaryKey();
    public final Column<String> vc = varchar("vc", 100);
    public final Column<String> ch = fixedChar("ch", 3);
    public final Column<String> txt = text("txt");
    public final Column<String> longTxt = longText("long_txt");
    public final Column<Short> sm = smallint("sm");
    public final Column<Integer> i = integer("i");
    public final Column<Long> bi = bigint("bi");
    public final Column<BigDecimal> dec = decimal("dec", 12, 4);
    public final Column<Double> dbl = doublePrecision("dbl");
    public final Column<Boolean> flag = bool("flag");
    public final Column<LocalDate> day = date("day");
    public final Column<LocalDateTime> at = datetime("at");
    public final Column<Instant> ts = timestamp("ts");
    public final Column<LocalTime> tm = time("tm");
    public final Column<UUID> uid = uuid("uid");
    public final Column<byte[]> bin = binary("bin", 4);
    public final Column<byte[]> vbin = varbinary("vbin", 64);
    public final Column<byte[]> blob = longBlob("blob");
    public final Column<String> json = json("json");
    public final Column<Prefs> prefs = json("prefs", Prefs.CODEC);
    public final Column<Mood> mood = enumeration("mood", Mood.class);
    public final Column<Set<Perm>> perms = enumSet("perms", Perm.class);

    private AllTypes() {
        super("all_types");
    }
}
