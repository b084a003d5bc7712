package dev.cairn.dsl.type;

/**
 * Turns objects into JSON text and back, for JSON columns that hold objects rather than strings. Cairn has no JSON
 * library of its own: plug in the one the application uses (Jackson, Gson...).
 *
 * <pre>{@code
 * public final Column<Settings> settings = json("settings", JsonCodec.of(Settings.class, mapper::writeValueAsString,
 *         text -> mapper.readValue(text, Settings.class)));
 * }</pre>
 *
 * @param <T> the Java type stored as JSON
 */
public interface JsonCodec<T> {
    /** The Java type this codec reads and writes. */
    Class<T> javaType();

    /** The JSON text for a value; never called with {@code null}. */
    String toJson(T value);

    /** The value for JSON text; never called with {@code null}. */
    T fromJson(String json);

    /** A codec from two functions; checked exceptions they throw are wrapped in {@link IllegalArgumentException}. */
    static <T> JsonCodec<T> of(Class<T> type, ThrowingFunction<T, String> write, ThrowingFunction<String, T> read) {
        return new JsonCodec<>() {
            @Override
            public Class<T> javaType() {
                return type;
            }

            @Override
            public String toJson(T value) {
                try {
                    return write.apply(value);
                } catch (Exception e) {
                    throw new IllegalArgumentException("Cannot write " + type.getSimpleName() + " as JSON: " + e.getMessage(), e);
                }
            }

            @Override
            public T fromJson(String json) {
                try {
                    return read.apply(json);
                } catch (Exception e) {
                    throw new IllegalArgumentException("Cannot read " + type.getSimpleName() + " from JSON: " + e.getMessage(), e);
                }
            }
        };
    }

    /** A function that may throw, such as Jackson's {@code writeValueAsString}. */
    @FunctionalInterface
    interface ThrowingFunction<A, B> {
        B apply(A a) throws Exception;
    }
}
